package io.homeshield.enforcement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
                  and not exists (select 1 from EnforcementAction a
                                  where a.deviceId = q.deviceId and a.state in :pending)
                """, Object[].class).setParameter("pending", PENDING).getResultList();
        List<Expected> out = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            out.add(new Expected((UUID) row[0], (UUID) row[1], MacAddress.of((String) row[2]), new RouterTarget(
                    (UUID) row[3], (String) row[4], (String) row[5], (ManagementChannel) row[6], (String) row[7])));
        }
        return out;
    }

    /** The parameter values a router should hold (set there by revert rules and remediation jobs). */
    record WantedParameters(UUID householdId, RouterTarget router, Map<String, String> values) {
    }

    /** Desired parameters, per router, of routers with no router-wide action under way. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<WantedParameters> settledParameters() {
        List<Object[]> rows = DesiredParameter.getEntityManager().createQuery("""
                select r.householdId, r.id, r.serialNumber, r.model, r.channel, r.managementAddress, p.key.path, p.value
                from DesiredParameter p, Router r
                where r.id = p.key.routerId
                  and not exists (select 1 from EnforcementAction a
                                  where a.routerId = r.id and a.deviceId is null and a.state in :pending)
                order by r.id, p.key.path
                """, Object[].class).setParameter("pending", PENDING).getResultList();
        Map<UUID, WantedParameters> byRouter = new LinkedHashMap<>();
        for (Object[] row : rows) {
            byRouter.computeIfAbsent((UUID) row[1], id -> new WantedParameters((UUID) row[0], new RouterTarget(id,
                    (String) row[2], (String) row[3], (ManagementChannel) row[4], (String) row[5]),
                    new LinkedHashMap<>())).values().put((String) row[6], (String) row[7]);
        }
        return List.copyOf(byRouter.values());
    }

    /**
     * Sends the parameters a router lost again, where they are still wanted with the same value and no
     * router-wide action is under way; the household sees it in its activity log.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    int requestParametersAgain(List<WantedParameters> drifted) {
        List<UUID> routers = drifted.stream().map(w -> w.router().id()).toList();
        Set<UUID> busy = Set.copyOf(EnforcementAction.getEntityManager().createQuery("select distinct a.routerId"
                + " from EnforcementAction a where a.routerId in ?1 and a.deviceId is null and a.state in ?2",
                UUID.class).setParameter(1, routers).setParameter(2, PENDING).getResultList());
        Map<UUID, Map<String, String>> wanted = new LinkedHashMap<>();
        DesiredParameter.<DesiredParameter>list("key.routerId in ?1", routers).forEach(p -> wanted
                .computeIfAbsent(p.key.routerId, id -> new LinkedHashMap<>()).put(p.key.path, p.value));
        Instant now = clock.instant();
        int requested = 0;
        for (WantedParameters w : drifted) {
            Map<String, String> stillWanted = new LinkedHashMap<>(w.values());
            stillWanted.entrySet().retainAll(wanted.getOrDefault(w.router().id(), Map.of()).entrySet());
            if (busy.contains(w.router().id()) || stillWanted.isEmpty()) {
                continue;
            }
            EnforcementAction action = outbox.add(w.householdId(), w.router().id(), null, null,
                    ActionKind.SET_PARAMETERS, Actor.SYSTEM.id(), null, now);
            action.parameters = ParameterValues.encode(stillWanted);
            audit.append(new AuditRecord(Actor.SYSTEM.id(), Actor.SYSTEM.role(), w.householdId(), "router.settings",
                    "router " + w.router().id() + ": " + String.join(", ", stillWanted.keySet()),
                    "The router no longer held settings the provider keeps on it (restarted or reset); putting them "
                            + "back.", "requested"));
            requested++;
        }
        return requested;
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
