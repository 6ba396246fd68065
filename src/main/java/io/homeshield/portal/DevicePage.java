package io.homeshield.portal;

import java.util.List;

import io.homeshield.alert.Alert;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.Router;

/**
 * Everything the device page shows. {@code quarantine} is null when the device is not quarantined;
 * {@code releaseKey} makes a repeated release click count once.
 */
public record DevicePage(Device device, Router router, List<Alert> alerts, List<ActionRow> actions,
        DeviceQuarantine quarantine, boolean canAct, boolean refresh, String notice, String releaseKey) {

    public boolean flagged() {
        return alerts.stream().anyMatch(PortalLabels::isOpen);
    }
}
