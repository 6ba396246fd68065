package io.homeshield.portal;

import io.homeshield.alert.Alert;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.inventory.Device;

/**
 * An alert with its evidence; {@code feed} (who lists the destination) may be null, and so may
 * {@code device} for an alert about the router itself.
 */
public record AlertPage(Alert alert, Device device, DeviceQuarantine quarantine, String feed, boolean canAct,
        String notice) {

    /** Makes a repeated release click count once. */
    public String releaseKey() {
        return PortalViews.newRequestKey();
    }

    /** Still needs attention: it can be acknowledged, resolved or marked not a threat. */
    public boolean active() {
        return alert.status.isActive();
    }
}
