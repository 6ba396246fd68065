package io.homeshield.activity;

import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.inventory.Device;

/**
 * A device of a household's list: the name it is ordered by (the name the app shows, as the
 * database lower-cased it), its quarantine while in effect (or null), its open alerts.
 */
public record ListedDevice(Device device, String sortName, DeviceQuarantine quarantine, long openAlerts) {
}
