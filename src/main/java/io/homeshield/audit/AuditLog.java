package io.homeshield.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Append-only audit log; each entry's seal covers its content and the previous entry's seal. An
 * append only inserts its entry, so acts never wait for one another on the chain;
 * {@link AuditSealer} chains the entries moments after they commit.
 */
@ApplicationScoped
public class AuditLog {

    private final Clock clock;

    AuditLog(Clock clock) {
        this.clock = clock;
    }

    /** Appends within the caller's transaction, so the entry commits with the act it records. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(AuditRecord record) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        entry.actor = record.actor();
        entry.actorRole = record.actorRole();
        entry.householdId = record.household();
        entry.action = record.action();
        entry.target = record.target();
        entry.reason = record.reason();
        entry.outcome = record.outcome();
        entry.persist();
        return entry;
    }

    /** The household's newest entries, newest first. */
    public List<AuditEntry> recentFor(UUID household, int limit) {
        return AuditEntry.find("householdId = ?1 order by id desc", household).page(0, limit).list();
    }

    /** The household's entries older than {@code beforeId} (all when null), newest first. */
    public List<AuditEntry> olderFor(UUID household, Long beforeId, int limit) {
        if (beforeId == null) {
            return recentFor(household, limit);
        }
        return AuditEntry.find("householdId = ?1 and id < ?2 order by id desc", household, beforeId)
                .page(0, limit).list();
    }

    /** The newest entries of the whole log, newest first. */
    public List<AuditEntry> recent(int limit) {
        return AuditEntry.find("order by id desc").page(0, limit).list();
    }

    /** The plain SHA-256 entries were sealed with before the chain was keyed; anyone can compute it. */
    static String legacyHashOf(AuditEntry e) {
        String canonical = String.join("\u001f", e.previousHash, e.occurredAt.toString(), e.actor, e.actorRole,
                String.valueOf(e.householdId), e.action, String.valueOf(e.target), String.valueOf(e.reason), e.outcome);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }
}
