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
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceQueries;
import io.homeshield.inventory.Router;
import io.homeshield.net.DomainName;

/**
 * Changes which domains a household blocks, for all its devices or for one, and which devices a
 * household-wide block spares. Each change writes, in the same transaction, one sync action per
 * affected router (unless one is already waiting) and an audit entry.
 */
@ApplicationScoped
public class BlockedDomainService {

    /** {@code jakarta.persistence.lock.timeout} value Hibernate renders as SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    private final DeviceQueries devices;
    private final ActionOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    BlockedDomainService(DeviceQueries devices, ActionOutbox outbox, AuditLog audit, Clock clock) {
        this.devices = devices;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Blocks {@code domain} and its subdomains for the whole household, or for one device.
     *
     * @param deviceId null for every device of the household
     */
    @Transactional
    public BlockedDomain block(HouseholdId household, DomainName domain, UUID deviceId, Actor actor, String reason) {
        Device device = deviceId == null ? null
                : devices.find(household, deviceId).orElseThrow(() -> ProblemException.notFound("Device"));
        lockHousehold(household);
        BlockedDomain existing = BlockedDomain.find("householdId = ?1 and domain = ?2 and deviceId "
                + (deviceId == null ? "is null" : "= ?3"), deviceId == null
                        ? new Object[] { household.value(), domain.value() }
                        : new Object[] { household.value(), domain.value(), deviceId }).firstResult();
        if (existing != null) {
            return existing;
        }
        Instant now = clock.instant();
        BlockedDomain block = new BlockedDomain();
        block.id = UUID.randomUUID();
        block.householdId = household.value();
        block.domain = domain.value();
        block.deviceId = deviceId;
        block.createdBy = actor.id();
        block.createdAt = now;
        block.persist();
        syncRouters(household, device, actor, now);
        audit.append(new AuditRecord(actor.id(), actor.role(), household.value(), "domain.block",
                domain.value() + (device == null ? " (every device)" : " on " + device.mac), reason, "requested"));
        return block;
    }

    /** Lifts a block. */
    @Transactional
    public void unblock(HouseholdId household, UUID blockId, Actor actor, String reason) {
        lockHousehold(household);
        BlockedDomain block = find(household, blockId);
        Device device = block.deviceId == null ? null : Device.findById(block.deviceId);
        block.delete();
        syncRouters(household, device, actor, clock.instant());
        audit.append(new AuditRecord(actor.id(), actor.role(), household.value(), "domain.unblock", block.domain,
                reason, "requested"));
    }

    /** Spares (or stops sparing) one device from a household-wide block. */
    @Transactional
    public BlockedDomain exempt(HouseholdId household, UUID blockId, UUID deviceId, boolean exempt, Actor actor,
            String reason) {
        lockHousehold(household);
        BlockedDomain block = find(household, blockId);
        Device device = devices.find(household, deviceId).orElseThrow(() -> ProblemException.notFound("Device"));
        if (!block.householdWide()) {
            throw ProblemException.invalid("blockId", "only a block for every device can spare a device");
        }
        boolean changed = exempt ? block.exemptDevices.add(device.id) : block.exemptDevices.remove(device.id);
        if (changed) {
            syncRouters(household, device, actor, clock.instant());
            audit.append(new AuditRecord(actor.id(), actor.role(), household.value(),
                    exempt ? "domain.exempt" : "domain.unexempt", block.domain + " for " + device.mac, reason,
                    "requested"));
        }
        return block;
    }

    public List<BlockedDomain> list(HouseholdId household) {
        return BlockedDomain.list("householdId = ?1 order by domain", household.value());
    }

    private static BlockedDomain find(HouseholdId household, UUID blockId) {
        BlockedDomain block = BlockedDomain.find("id = ?1 and householdId = ?2", blockId,
                household.value()).firstResult();
        if (block == null) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Blocked domain was not found.");
        }
        return block;
    }

    /** Block changes of one household happen one at a time; the household's routers are its lock. */
    private static void lockHousehold(HouseholdId household) {
        Router.find("householdId", household.value()).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    private void syncRouters(HouseholdId household, Device device, Actor actor, Instant now) {
        List<Router> routers = device == null ? Router.list("householdId", household.value())
                : List.of(Router.<Router>findById(device.routerId));
        for (Router router : routers) {
            // a waiting sync reads the list when it is claimed; one being claimed right now may have read it
            // already, so only a waiting sync this transaction can lock counts (SKIP LOCKED passes the other)
            boolean waiting = !EnforcementAction.find("routerId = ?1 and kind = ?2 and state = ?3", router.id,
                    ActionKind.SYNC_DOMAIN_BLOCKS, ActionState.REQUESTED)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                    .page(0, 1).list().isEmpty();
            if (!waiting) {
                outbox.add(household.value(), router.id, null, null, ActionKind.SYNC_DOMAIN_BLOCKS, actor.id(), null,
                        now);
            }
        }
    }
}
