package io.homeshield.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

/**
 * Replaces a household's identifying fields in its audit entries by pseudonyms, keeping the chain
 * verifiable: the household id becomes the household's pseudonym, a subscriber's subject a person's
 * pseudonym, and the target and reason (MAC addresses, domains, free text) are dropped. A sealed
 * entry keeps its original seal, on which the next entry's link depends, and gets a redaction seal
 * over its new content; an entry not sealed yet is simply sealed with its new content. Pseudonyms are
 * HMACs under the audit key: stable, so a household's entries still belong together, and unlinkable
 * to the household without the key.
 */
@ApplicationScoped
public class AuditRedaction {

    private static final int PAGE = 500;
    private static final String NOT_A_SEAL = "0".repeat(64);

    private final AuditKeys keys;
    private final Clock clock;

    AuditRedaction(AuditKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The pseudonym the household's audit entries carry once pseudonymised. */
    public UUID pseudonymOf(UUID household) {
        return UUID.nameUUIDFromBytes(pseudonymBytes("household", household.toString()));
    }

    /** Pseudonymises every audit entry of the household, in the caller's transaction; returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int redactHousehold(UUID household) {
        UUID pseudonym = pseudonymOf(household);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int redacted = 0;
        while (true) {
            List<AuditEntry> page = AuditEntry.<AuditEntry>find("householdId = ?1 order by id", household)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, PAGE).list();
            for (AuditEntry entry : page) {
                redact(entry, pseudonym, now);
            }
            redacted += page.size();
            AuditEntry.flush();
            if (page.size() < PAGE) {
                return redacted;
            }
        }
    }

    /**
     * Pseudonymises at most {@code batch} household entries that occurred before {@code cutoff}, in a
     * transaction of their own: they leave the household's activity log and stay in the audit log.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int redactOlderThan(Instant cutoff, int batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<AuditEntry> page = AuditEntry.<AuditEntry>find("occurredAt < ?1 and redactedAt is null"
                + " and householdId is not null and chainPosition is not null order by id", cutoff)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, batch).list();
        for (AuditEntry entry : page) {
            redact(entry, pseudonymOf(entry.householdId), now);
        }
        return page.size();
    }

    /**
     * An entry whose seal no longer held before is pseudonymised too, but without a valid redaction
     * seal, so the verifier still names it as altered.
     */
    private void redact(AuditEntry entry, UUID pseudonym, Instant now) {
        boolean sealed = entry.chainPosition != null;
        boolean wasIntact = !sealed || intact(entry);
        if (!wasIntact) {
            Log.warnf("Audit entry %d was pseudonymised, but its seal did not hold before", entry.id);
        }
        entry.householdId = pseudonym;
        if ("subscriber".equals(entry.actorRole)) {
            entry.actor = "person-" + HexFormat.of().formatHex(pseudonymBytes("person", entry.actor), 0, 8);
        }
        entry.target = null;
        entry.reason = null;
        if (sealed) {
            entry.redactedAt = now;
            entry.redactionKeyId = keys.currentId();
            entry.redactionSeal = wasIntact ? AuditSeal.expectedRedactionSeal(entry, keys) : NOT_A_SEAL;
        }
    }

    private boolean intact(AuditEntry entry) {
        if (entry.redactedAt != null) {
            return AuditKeys.same(AuditSeal.expectedRedactionSeal(entry, keys), entry.redactionSeal);
        }
        return AuditKeys.same(AuditSeal.expectedHash(entry, keys), entry.hash);
    }

    private byte[] pseudonymBytes(String kind, String value) {
        return HexFormat.of().parseHex(keys.mac(keys.currentId(),
                AuditSeal.fields("homeshield-pseudonym-v1", kind, value)));
    }
}
