package io.homeshield.fleet.forensics;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.enforcement.RouterCommands;
import io.homeshield.inventory.Router;

/**
 * Evidence from the analysts' point of view: asking one router for it (with a reason, audited), the
 * router's snapshots, a collection still under way or failed, and downloading a snapshot (audited).
 */
@ApplicationScoped
public class ForensicsService {

    private final RouterCommands commands;
    private final AuditLog audit;

    ForensicsService(RouterCommands commands, AuditLog audit) {
        this.commands = commands;
        this.audit = audit;
    }

    /** Queues the collection; the dispatcher carries it to the router and the archive keeps what comes back. */
    @Transactional
    public EnforcementAction collect(UUID routerId, Actor actor, String reason) {
        Router router = Router.findById(routerId);
        if (router == null) {
            throw new IllegalArgumentException("no such router");
        }
        EnforcementAction action = commands.collectEvidence(routerId, actor.id());
        audit.append(new AuditRecord(actor.id(), actor.role(), router.householdId, "fleet.evidence-collect",
                "router " + router.serialNumber + " (action " + action.id + ")", reason, "requested"));
        return action;
    }

    public List<EvidenceSnapshot> snapshots(UUID routerId) {
        return EvidenceSnapshot.list("routerId = ?1 order by collectedAt desc", routerId);
    }

    /** The router's newest evidence actions that did not end in a snapshot: under way, or failed with why. */
    public List<EnforcementAction> collectionsWithoutSnapshot(UUID routerId) {
        return EnforcementAction.getEntityManager()
                .createQuery("select a from EnforcementAction a where a.routerId = ?1"
                + " and a.kind = ?2 and not exists (select s from EvidenceSnapshot s where s.actionId = a.id)"
                + " and (a.state <> ?3) order by a.requestedAt desc", EnforcementAction.class)
                .setParameter(1, routerId).setParameter(2, ActionKind.COLLECT_EVIDENCE)
                .setParameter(3, ActionState.VERIFIED).setMaxResults(5).getResultList();
    }

    public Optional<EvidenceSnapshot> snapshot(UUID id) {
        return EvidenceSnapshot.findByIdOptional(id);
    }

    /** The snapshot before this one of the same router, if any. */
    public Optional<EvidenceSnapshot> previous(EvidenceSnapshot snapshot) {
        return EvidenceSnapshot.<EvidenceSnapshot>find("routerId = ?1 and collectedAt < ?2 order by collectedAt desc",
                snapshot.routerId, snapshot.collectedAt).firstResultOptional();
    }

    /** The stored document, read for the diffs. */
    public EvidenceDocument document(EvidenceSnapshot snapshot) {
        return EvidenceDocument.read(content(snapshot.id));
    }

    /** The compressed snapshot for an analyst to download; the download is audited. */
    @Transactional
    public byte[] download(EvidenceSnapshot snapshot, Actor actor) {
        Router router = Router.findById(snapshot.routerId);
        audit.append(new AuditRecord(actor.id(), actor.role(), snapshot.householdId, "fleet.evidence-download",
                "router " + (router == null ? snapshot.routerId : router.serialNumber) + " (snapshot " + snapshot.id
                        + ")", "SHA-256 " + snapshot.sha256, "done"));
        return content(snapshot.id);
    }

    private static byte[] content(UUID snapshotId) {
        return (byte[]) EvidenceSnapshot.getEntityManager()
                .createNativeQuery("select content from evidence_content where snapshot_id = ?1")
                .setParameter(1, snapshotId).getSingleResult();
    }
}
