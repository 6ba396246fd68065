package io.homeshield.enforcement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.MacAddress;

/** The reconciler's reads and writes, each in its own short transaction. */
@ApplicationScoped
class ReconcileLedger {

    private static final List<ActionState> PENDING = List.of(ActionState.REQUESTED, ActionState.DISPATCHED,
            ActionState.APPLIED);

    private final ActionOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    ReconcileLedger(ActionOutbox outbox, AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** A device that should be blocked on its router. */
    record Expected(UUID householdId, UUID deviceId, MacAddress device, RouterTarget router) {
    }

    /** Quarantines with no action under way for their device: what the routers should show now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Expected> settledQuarantines() {
        List<Object[]> rows = DeviceQuarantine.getEntityManager().createQuery("""
                select q.householdId, q.deviceId, d.mac, r.id, r.serialNumber, r.model, r.channel, r.managementAddress
                from DeviceQuarantine q, Device d, Router r
                where d.id = q.deviceId and r.id = q.routerId
                  and not exists (select 1 from EnforcementAction a where a.deviceId = q.deviceId and a.state in :pending)
                """, Object[].class).setParameter("pending", PENDING).getResultList();
        List<Expected> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(new Expected((UUID) row[0], (UUID) row[1], MacAddress.of((String) row[2]), new RouterTarget(
                    (UUID) row[3], (String) row[4], (String) row[5], (ManagementChannel) row[6], (String) row[7])));
        }
        return out;
    }

    /** Requests the quarantines again where they are still wanted and nothing else is under way. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int requestAgain(List<Expected> drifted) {
        Instant now = clock.instant();
        int requested = 0;
        for (Expected e : drifted) {
            boolean stillWanted = DeviceQuarantine.findById(e.deviceId()) != null;
            boolean busy = EnforcementAction.count("deviceId = ?1 and state in ?2", e.deviceId(), PENDING) > 0;
            if (!stillWanted || busy) {
                continue;
            }
            outbox.add(e.householdId(), e.router().id(), e.deviceId(), e.device().value(), ActionKind.QUARANTINE,
                    Actor.SYSTEM.id(), null, now);
            audit.append(new AuditRecord(Actor.SYSTEM.id(), Actor.SYSTEM.role(), e.householdId(), "device.quarantine",
                    e.device().value(), "The router no longer blocked the device (restarted or reset); putting the "
                            + "quarantine back.", "requested"));
            requested++;
        }
        return requested;
    }
}
