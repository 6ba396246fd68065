package io.homeshield.activity;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.alert.AlertQueries;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceQueries;

/**
 * A household's devices as its people and the provider's staff see them at a glance: quarantined,
 * flagged by an open alert, new; the devices needing attention first.
 */
@ApplicationScoped
public class DeviceListQueries {

    /** A device first seen this recently counts as new. */
    private static final Duration NEW_DEVICE = Duration.ofHours(24);

    private final DeviceQueries devices;
    private final AlertQueries alerts;
    private final QuarantineService quarantines;
    private final Clock clock;

    DeviceListQueries(DeviceQueries devices, AlertQueries alerts, QuarantineService quarantines, Clock clock) {
        this.devices = devices;
        this.alerts = alerts;
        this.quarantines = quarantines;
        this.clock = clock;
    }

    /** Every device of the household, the ones needing attention first. */
    public List<DeviceRow> rows(HouseholdId household) {
        Set<UUID> quarantined = quarantinedDevices(household);
        Set<UUID> flagged = alerts.countOpenByDevice(household).keySet();
        List<Device> all = devices.list(household);
        NewDevices news = new NewDevices(all, clock.instant().minus(NEW_DEVICE));
        return all.stream().map(d -> new DeviceRow(d, quarantined.contains(d.id), flagged.contains(d.id),
                news.isNew(d))).sorted(DeviceRow.ATTENTION_FIRST).toList();
    }

    /** The household's devices under a quarantine still in effect. */
    public Set<UUID> quarantinedDevices(HouseholdId household) {
        return quarantines.quarantinesOf(household).values().stream().filter(this::inEffect).map(q -> q.deviceId)
                .collect(Collectors.toSet());
    }

    /** The device's quarantine, while it is in effect. */
    public Optional<DeviceQuarantine> activeQuarantine(HouseholdId household, UUID deviceId) {
        return quarantines.quarantineOf(household, deviceId).filter(this::inEffect);
    }

    private boolean inEffect(DeviceQuarantine quarantine) {
        return quarantine.expiresAt == null || quarantine.expiresAt.isAfter(clock.instant());
    }
}
