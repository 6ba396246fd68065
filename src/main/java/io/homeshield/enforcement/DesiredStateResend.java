package io.homeshield.enforcement;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.Router;

/**
 * Sends a household's whole desired state to its routers again: every quarantine still in effect
 * and the blocked-domain list of each router. For when a router was replaced, reset or is
 * suspected to have drifted and support does not want to wait for the reconciler.
 */
@ApplicationScoped
public class DesiredStateResend {

    private final AuditLog audit;
    private final Clock clock;

    DesiredStateResend(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** Returns how many actions were requested. */
    @Transactional
    public int resend(HouseholdId household, Actor actor, String reason) {
        List<Router> routers = Router.find("householdId", household.value())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Instant now = clock.instant();
        int requested = 0;
        List<DeviceQuarantine> quarantines = DeviceQuarantine.list("householdId", household.value());
        for (DeviceQuarantine quarantine : quarantines) {
            if (quarantine.expiresAt != null && !quarantine.expiresAt.isAfter(now)) {
                continue;
            }
            if (waiting("deviceId", quarantine.deviceId, ActionKind.QUARANTINE)) {
                continue;
            }
            Device device = Device.findById(quarantine.deviceId);
            EnforcementAction.requestFor(household.value(), quarantine.routerId, device.id, device.mac,
                    ActionKind.QUARANTINE, actor.id(), null, now);
            requested++;
        }
        for (Router router : routers) {
            if (waiting("routerId", router.id, ActionKind.SYNC_DOMAIN_BLOCKS)) {
                continue;
            }
            EnforcementAction.requestFor(household.value(), router.id, null, null, ActionKind.SYNC_DOMAIN_BLOCKS,
                    actor.id(), null, now);
            requested++;
        }
        audit.append(new AuditRecord(actor.id(), actor.role(), household.value(), "household.resend",
                requested + " instructions to " + routers.size() + (routers.size() == 1 ? " router" : " routers"),
                reason, "requested"));
        return requested;
    }

    /** An identical instruction not yet sent would carry the same state: no need for a second one. */
    private static boolean waiting(String field, UUID id, ActionKind kind) {
        return EnforcementAction.count(field + " = ?1 and kind = ?2 and state = ?3", id, kind,
                ActionState.REQUESTED) > 0;
    }
}
