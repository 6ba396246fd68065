package io.homeshield.portal;

import java.util.ArrayList;
import java.util.List;

import io.homeshield.alert.Alert;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.enforcement.DomainBlock;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceActivityQueries.TopDestination;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.Router;

/**
 * Everything the device page shows. {@code quarantine} is null when the device is not quarantined;
 * {@code releaseKey} makes a repeated release click count once; {@code blocks} are the domains
 * blocked for this device alone.
 */
public record DevicePage(Device device, Router router, List<Alert> alerts, List<ActionRow> actions,
        DeviceQuarantine quarantine, boolean canAct, boolean refresh, String notice, String releaseKey,
        TrafficView traffic, List<TopDestination> destinations, List<DomainBlock> blocks, String typedDomain,
        String domainRefused) {

    /** The same page after a domain to block was refused: what was typed, and why (a {@code Reason} name). */
    DevicePage refusing(String typed, String reason) {
        return new DevicePage(device, router, alerts, actions, quarantine, canAct, refresh, notice, releaseKey, traffic,
                destinations, blocks, typed, reason);
    }

    /** A name the device goes by and where it comes from, most trusted first. */
    public record Name(String source, String value) {
    }

    public boolean flagged() {
        return alerts.stream().anyMatch(PortalLabels::isOpen);
    }

    public List<Name> names() {
        List<Name> names = new ArrayList<>();
        if (device.userLabel != null && !device.userLabel.isBlank()) {
            names.add(new Name("label", device.userLabel));
        }
        if (device.hostname != null && !device.hostname.isBlank()) {
            names.add(new Name("network", device.hostname));
        }
        return names;
    }

    public List<DeviceType> types() {
        return List.of(DeviceType.values());
    }
}
