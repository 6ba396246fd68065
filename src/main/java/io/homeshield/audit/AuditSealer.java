package io.homeshield.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;

/**
 * Chains committed audit entries: each unsealed entry, in the order of its id, gets the next place
 * in the chain, the seal of the entry before it, and its own seal under the current audit key. The
 * chain head's row lock is held only here, so two instances never seal at once and an act never
 * waits for another act's audit entry. An entry whose transaction committed late simply takes a
 * later place.
 */
@ApplicationScoped
public class AuditSealer {

    static final int PAGE = 1000;

    private final AuditKeys keys;

    AuditSealer(AuditKeys keys) {
        this.keys = keys;
    }

    /** Seals what has committed so far; returns how many entries it chained. */
    public int seal() {
        return seal(keys);
    }

    /** Seals with the given keys' current key (a rotated key takes over from the next entry on). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int seal(AuditKeys keys) {
        AuditChainHead head = AuditChainHead.findById(AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        int sealed = 0;
        while (true) {
            List<AuditEntry> page = AuditEntry.<AuditEntry>find("chainPosition is null order by id").page(0,
                    PAGE).list();
            for (AuditEntry entry : page) {
                entry.chainPosition = ++head.lastPosition;
                entry.previousHash = head.lastHash;
                entry.keyId = keys.currentId();
                entry.hash = AuditSeal.expectedHash(entry, keys);
                head.lastHash = entry.hash;
            }
            sealed += page.size();
            AuditEntry.flush();
            AuditEntry.getEntityManager().clear();
            if (page.size() < PAGE) {
                break;
            }
            head = AuditChainHead.findById(AuditChainHead.ID);
        }
        return sealed;
    }

    @Scheduled(every = "${homeshield.audit.seal-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sealRegularly() {
        seal();
    }
}
