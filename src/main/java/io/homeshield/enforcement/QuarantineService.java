package io.homeshield.enforcement;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceQueries;

/**
 * Changes a device's desired quarantine state. The change, the outbox action that carries it to
 * the router and the audit entry commit together; the dispatcher does the network call later.
 */
@ApplicationScoped
public class QuarantineService {

    private final DeviceQueries devices;
    private final ActionOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    QuarantineService(DeviceQueries devices, ActionOutbox outbox, AuditLog audit, Clock clock) {
        this.devices = devices;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Quarantines a device of the household.
     *
     * @param forHowLong null means until released
     * @param reason why (required when staff act on a household's behalf; may be null for the subscriber)
     * @param idempotencyKey a retried request with the same key returns the first action instead of a new one
     */
    @Transactional
    public EnforcementAction quarantine(HouseholdId household, UUID deviceId, QuarantineLevel level,
            Duration forHowLong, Actor actor, String reason, String idempotencyKey) {
        Device device = lock(household, deviceId);
        Optional<EnforcementAction> earlier = byIdempotencyKey(household, idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        DeviceQuarantine desired = DeviceQuarantine.findById(device.id);
        if (desired == null) {
            desired = new DeviceQuarantine();
            desired.deviceId = device.id;
            desired.householdId = device.householdId;
            desired.routerId = device.routerId;
        }
        desired.level = level;
        desired.expiresAt = forHowLong == null ? null : now.plus(forHowLong);
        desired.requestedBy = actor.id();
        desired.requestedAt = now;
        desired.persist();
        EnforcementAction action = newAction(device, ActionKind.QUARANTINE, actor, idempotencyKey, now);
        audit.append(new AuditRecord(actor.id(), actor.role(), device.householdId, "device.quarantine",
                device.mac, reason, "requested"));
        return action;
    }

    /** Lifts a device's quarantine; releasing a device that is not quarantined is a harmless no-op on the router. */
    @Transactional
    public EnforcementAction release(HouseholdId household, UUID deviceId, Actor actor, String reason,
            String idempotencyKey) {
        Device device = lock(household, deviceId);
        Optional<EnforcementAction> earlier = byIdempotencyKey(household, idempotencyKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        DeviceQuarantine.deleteById(device.id);
        EnforcementAction action = newAction(device, ActionKind.RELEASE, actor, idempotencyKey, clock.instant());
        audit.append(new AuditRecord(actor.id(), actor.role(), device.householdId, "device.release",
                device.mac, reason, "requested"));
        return action;
    }

    /** Changes to one device's desired state happen one at a time, so concurrent requests never collide. */
    private Device lock(HouseholdId household, UUID deviceId) {
        return devices.findForUpdate(household, deviceId).orElseThrow(() -> ProblemException.notFound("Device"));
    }

    public Optional<DeviceQuarantine> quarantineOf(HouseholdId household, UUID deviceId) {
        return DeviceQuarantine.find("deviceId = ?1 and householdId = ?2", deviceId, household.value())
                .firstResultOptional();
    }

    /** The desired quarantines of the household's devices, by device id. */
    public Map<UUID, DeviceQuarantine> quarantinesOf(HouseholdId household) {
        return DeviceQuarantine.<DeviceQuarantine>list("householdId", household.value()).stream()
                .collect(Collectors.toMap(q -> q.deviceId, q -> q));
    }

    private static Optional<EnforcementAction> byIdempotencyKey(HouseholdId household, String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        return EnforcementAction.find("householdId = ?1 and idempotencyKey = ?2", household.value(), key)
                .firstResultOptional();
    }

    private EnforcementAction newAction(Device device, ActionKind kind, Actor actor, String idempotencyKey,
            Instant now) {
        return outbox.add(device.householdId, device.routerId, device.id, device.mac, kind, actor.id(), idempotencyKey,
                now);
    }
}
