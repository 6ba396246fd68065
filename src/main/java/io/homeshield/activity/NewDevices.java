package io.homeshield.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.homeshield.inventory.Device;

/**
 * Which devices are news: joined since {@code since}, and after the first hour of their router's
 * reports. What a router reports in its first hour is the household's inventory (every device it
 * already had), so a router installed yesterday does not make the whole home "new".
 */
final class NewDevices {

    /** The same first hour the joined-device alert waits for. */
    static final Duration INVENTORY = Duration.ofHours(1);

    private final Map<UUID, Instant> inventoryUntil = new HashMap<>();
    private final Instant since;

    NewDevices(List<Device> household, Instant since) {
        this.since = since;
        for (Device device : household) {
            inventoryUntil.merge(device.routerId, device.firstSeen, (a, b) -> a.isBefore(b) ? a : b);
        }
        inventoryUntil.replaceAll((router, first) -> first.plus(INVENTORY));
    }

    boolean isNew(Device device) {
        Instant inventoryEnd = inventoryUntil.get(device.routerId);
        return device.firstSeen.isAfter(since) && inventoryEnd != null && device.firstSeen.isAfter(inventoryEnd);
    }
}
