package io.homeshield.fleet.forensics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.enforcement.EvidenceBundle;
import io.homeshield.enforcement.EvidenceStore;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.Router;

/**
 * Keeps what a router gave up: compressed, hashed (the SHA-256 goes into the audit log), capped in
 * size, its settings written as facts for the fleet norm, and marked as the router's newest snapshot.
 */
@ApplicationScoped
class SnapshotArchive implements EvidenceStore {

    private final ForensicsConfig config;
    private final AuditLog audit;
    private final Clock clock;

    SnapshotArchive(ForensicsConfig config, AuditLog audit, Clock clock) {
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void store(UUID actionId, RouterTarget target, EvidenceBundle evidence) {
        if (EvidenceSnapshot.count("actionId", actionId) > 0) {
            return; // a retried action whose first collection was kept
        }
        Router router = Router.findById(target.id());
        EnforcementAction action = EnforcementAction.findById(actionId);
        Instant now = clock.instant();
        EvidenceBundle kept = evidence;
        byte[] content = document(router, now, kept).compressed();
        while (content.length > config.maxSnapshotBytes() && !kept.files().isEmpty()) {
            kept = withoutLargestFile(kept);
            content = document(router, now, kept).compressed();
        }
        if (content.length > config.maxSnapshotBytes()) {
            kept = new EvidenceBundle(Map.of(), Map.of(), List.of("Nothing was kept: even the router's settings alone"
                    + " exceed the snapshot size limit of " + config.maxSnapshotBytes() + " bytes."));
            content = document(router, now, kept).compressed();
        }
        EvidenceSnapshot.update("latest = false where routerId = ?1 and latest = true", router.id);
        EvidenceSnapshot snapshot = new EvidenceSnapshot();
        snapshot.id = UUID.randomUUID();
        snapshot.routerId = router.id;
        snapshot.householdId = router.householdId;
        snapshot.actionId = actionId;
        snapshot.requestedBy = action == null ? "unknown" : action.requestedBy;
        snapshot.collectedAt = now;
        snapshot.model = router.model;
        snapshot.firmware = router.firmware;
        snapshot.channel = router.channel.name();
        snapshot.sha256 = EvidenceFacts.sha256(content);
        snapshot.sizeBytes = kept.size();
        snapshot.storedBytes = content.length;
        snapshot.parameterCount = kept.parameters().size();
        snapshot.fileCount = kept.files().size();
        snapshot.notCollected = lines(kept.notCollected());
        snapshot.latest = true;
        snapshot.persist();
        EntityManager em = EvidenceSnapshot.getEntityManager();
        em.flush();
        em.createNativeQuery("insert into evidence_content (snapshot_id, content) values (?1, ?2)")
                .setParameter(1, snapshot.id).setParameter(2, content).executeUpdate();
        insertFacts(em, snapshot.id, EvidenceFacts.of(kept.parameters()).values());
        audit.append(new AuditRecord(Actor.SYSTEM.id(), Actor.SYSTEM.role(), router.householdId,
                "fleet.evidence-stored",
                "router " + router.serialNumber + " (snapshot " + snapshot.id + ")", "SHA-256 " + snapshot.sha256 + ", "
                + content.length + " bytes compressed, " + snapshot.parameterCount + " parameters, "
                + snapshot.fileCount + " files", "done"));
    }

    private static EvidenceDocument document(Router router, Instant now, EvidenceBundle bundle) {
        return EvidenceDocument.of(router.serialNumber, router.model, router.firmware, router.channel.name(), now,
                bundle);
    }

    private EvidenceBundle withoutLargestFile(EvidenceBundle bundle) {
        String largest = bundle.files().entrySet().stream()
                .max(Comparator.comparingInt(e -> e.getValue().length())).orElseThrow().getKey();
        Map<String, String> files = new LinkedHashMap<>(bundle.files());
        files.remove(largest);
        List<String> notCollected = new ArrayList<>(bundle.notCollected());
        notCollected.add(largest + ": left out, the snapshot would have exceeded its size limit of "
                + config.maxSnapshotBytes() + " bytes.");
        return new EvidenceBundle(bundle.parameters(), files, notCollected);
    }

    private static void insertFacts(EntityManager em, UUID snapshotId, java.util.Collection<EvidenceFacts.Fact> facts) {
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (var insert = connection.prepareStatement("insert into evidence_fact (snapshot_id, fact_hash, fact_key,"
                    + " fact_value) values (?, ?, ?, ?)")) {
                int pending = 0;
                for (EvidenceFacts.Fact fact : facts) {
                    insert.setObject(1, snapshotId);
                    insert.setString(2, fact.hash());
                    insert.setString(3, fact.key());
                    insert.setString(4, fact.value());
                    insert.addBatch();
                    if (++pending == 500) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }

    private static String lines(List<String> sentences) {
        if (sentences.isEmpty()) {
            return null;
        }
        String text = String.join("\n", sentences.stream().map(s -> s.replace('\n', ' ')).toList());
        return text.length() <= 4000 ? text : text.substring(0, 3997) + "...";
    }
}
