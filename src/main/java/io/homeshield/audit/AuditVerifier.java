package io.homeshield.audit;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Checks the whole audit chain, a page of entries at a time so that memory stays flat however long
 * the log. Seals what has committed first, so the check covers every act recorded so far; entries
 * sealed while the check runs are checked too before the chain head is compared. The check is made
 * against a published head: the one given, else the configured one, else the last one this replica
 * published.
 */
@ApplicationScoped
public class AuditVerifier {

    static final int PAGE = 1000;
    static final int MAX_REPORTED = 100;
    private static final int CATCH_UP_ROUNDS = 3;

    private final Clock clock;
    private final AuditSealer sealer;
    private final AuditKeys keys;
    private final AuditHeadPublisher publisher;
    private final AuditConfig config;

    AuditVerifier(Clock clock, AuditSealer sealer, AuditKeys keys, AuditHeadPublisher publisher, AuditConfig config) {
        this.clock = clock;
        this.sealer = sealer;
        this.keys = keys;
        this.publisher = publisher;
        this.config = config;
    }

    public AuditReport verify() {
        return verify(null);
    }

    /** @param published the head to check against; null for the configured or last published one */
    public AuditReport verify(PublishedHead published) {
        sealer.seal();
        return check(published != null ? published : lastPublished());
    }

    private PublishedHead lastPublished() {
        if (config.publishedHead().isPresent()) {
            return PublishedHead.parse(config.publishedHead().get());
        }
        return publisher.lastPublished();
    }

    @Transactional
    AuditReport check(PublishedHead published) {
        AuditChainCheck check = new AuditChainCheck(MAX_REPORTED, keys, published, AuditAnchor.current());
        String head = null;
        for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
            scanFrom(check);
            head = AuditChainHead.<AuditChainHead>findById(AuditChainHead.ID).lastHash;
            AuditChainHead.getEntityManager().clear();
            if (head.equals(check.lastHash()) || !anyAfter(check.lastPosition())) {
                break;
            }
        }
        return check.finish(head, clock.instant());
    }

    private static void scanFrom(AuditChainCheck check) {
        while (true) {
            List<AuditEntry> page = AuditEntry.<AuditEntry>find("chainPosition > ?1 order by chainPosition",
                    check.lastPosition()).page(0, PAGE).list();
            page.forEach(check::accept);
            AuditEntry.getEntityManager().clear();
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private static boolean anyAfter(long position) {
        return AuditEntry.count("chainPosition > ?1", position) > 0;
    }
}
