package io.homeshield.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

/**
 * Removes the oldest audit entries once past their retention and re-anchors the chain: the removed
 * prefix is replaced by a signed checkpoint (its last entry's place and seal) from which verification
 * starts. Only an unbroken prefix that still verifies is removed, so retention never hides tampering;
 * an entry not yet past its retention ends the prefix even when later ones are older.
 */
@ApplicationScoped
public class AuditRetention {

    private final AuditKeys keys;
    private final Clock clock;

    AuditRetention(AuditKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** The entries each batch removed, until a batch removed fewer than {@code batch}. */
    public List<Integer> removeBefore(Instant cutoff, int batch) {
        List<Integer> removed = new ArrayList<>();
        int count;
        do {
            count = removeBatch(cutoff, batch);
            removed.add(count);
        } while (count == batch);
        return removed;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int removeBatch(Instant cutoff, int batch) {
        AuditAnchor anchor = AuditAnchor.findById(AuditAnchor.ID, LockModeType.PESSIMISTIC_WRITE);
        long start = anchor == null ? 0 : anchor.chainPosition;
        List<AuditEntry> page = AuditEntry.<AuditEntry>find("chainPosition > ?1 order by chainPosition", start)
                .page(0, batch).list();
        AuditChainCheck check = new AuditChainCheck(1, keys, null, anchor);
        AuditEntry last = null;
        for (AuditEntry entry : page) {
            if (!entry.occurredAt.isBefore(cutoff)) {
                break;
            }
            check.accept(entry);
            if (!check.intactSoFar()) {
                Log.warnf("Audit retention stopped before entry %d: the chain does not verify there", entry.id);
                break;
            }
            last = entry;
        }
        if (last == null) {
            return 0;
        }
        int removed = (int) AuditEntry.delete("chainPosition > ?1 and chainPosition <= ?2", start, last.chainPosition);
        if (anchor == null) {
            anchor = new AuditAnchor();
            anchor.id = AuditAnchor.ID;
        }
        anchor.chainPosition = last.chainPosition;
        anchor.hash = last.hash;
        anchor.removedBefore = cutoff.truncatedTo(ChronoUnit.MICROS);
        anchor.anchoredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        anchor.sign(keys);
        anchor.persist();
        return removed;
    }
}
