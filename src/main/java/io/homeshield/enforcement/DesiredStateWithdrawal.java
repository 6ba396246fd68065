package io.homeshield.enforcement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.Router;

/**
 * Takes everything HomeShield put on a household's routers off them again, before the household is
 * erased: every quarantine is released and every router is sent an empty blocklist, through the
 * outbox like any other change, so the dispatcher carries them and reads them back.
 */
@ApplicationScoped
public class DesiredStateWithdrawal {

    private final ActionOutbox outbox;
    private final Clock clock;

    DesiredStateWithdrawal(ActionOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Returns the ids of the actions requested. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> withdrawAll(HouseholdId household, Actor actor) {
        List<Router> routers = Router.find("householdId", household.value())
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        Instant now = clock.instant();
        List<UUID> actions = new ArrayList<>();
        for (DeviceQuarantine quarantine : DeviceQuarantine.<DeviceQuarantine>list("householdId", household.value())) {
            Device device = Device.findById(quarantine.deviceId);
            quarantine.delete();
            actions.add(outbox.add(household.value(), quarantine.routerId, device.id, device.mac, ActionKind.RELEASE,
                    actor.id(), null, now).id);
        }
        BlockedDomain.<BlockedDomain>list("householdId", household.value()).forEach(BlockedDomain::delete);
        for (Router router : routers) {
            actions.add(outbox.add(household.value(), router.id, null, null, ActionKind.SYNC_DOMAIN_BLOCKS, actor.id(),
                    null, now).id);
        }
        return actions;
    }

    /** Whether the household still has desired state that would have to be withdrawn. */
    public boolean anyLeft(HouseholdId household) {
        return DeviceQuarantine.count("householdId", household.value()) > 0
                || BlockedDomain.count("householdId", household.value()) > 0;
    }

    /**
     * Whether every action of the household has its outcome: verified on the router or given up. An
     * applied action is still read back, and its outcome is recorded in the audit log only then.
     */
    public boolean settled(HouseholdId household) {
        return EnforcementAction.count("householdId = ?1 and state in ?2", household.value(),
                List.of(ActionState.REQUESTED, ActionState.DISPATCHED, ActionState.APPLIED)) == 0;
    }
}
