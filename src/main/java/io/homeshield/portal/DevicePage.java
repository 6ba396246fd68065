package io.homeshield.portal;

import java.util.ArrayList;
import java.util.List;

import io.homeshield.activity.ActionRow;
import io.homeshield.alert.Alert;
import io.homeshield.alert.Severity;
import io.homeshield.enforcement.BlockedDomain;
import io.homeshield.enforcement.DeviceQuarantine;
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
        TrafficView traffic, List<TopDestination> destinations, List<BlockedDomain> blocks, String typedDomain,
        String domainRefused, FormEcho echo) {

    /** The same page after a domain to block was refused: what was typed, and why (a {@code Reason} name). */
    DevicePage refusing(String typed, String reason) {
        return new DevicePage(device, router, alerts, actions, quarantine, canAct, refresh, notice, releaseKey, traffic,
                destinations, blocks, typed, reason, echo);
    }

    /** The same page after another of its forms was refused, with what was typed and why. */
    DevicePage echoing(FormEcho refused) {
        return new DevicePage(device, router, alerts, actions, quarantine, canAct, refresh, notice, releaseKey, traffic,
                destinations, blocks, typedDomain, domainRefused, refused);
    }

    /** The refusal of {@code field} on this page, or null. */
    public FormEcho refused(String field) {
        return echo != null && echo.on(field) ? echo : null;
    }

    /** The label field's content: what was just typed when it was refused, else the stored label. */
    public String labelValue() {
        FormEcho refused = refused("label");
        return refused != null ? refused.typed() : device.userLabel == null ? "" : device.userLabel;
    }

    /** Open alerts of high or critical risk: trusting the device would silence them. */
    public List<Alert> highRiskOpen() {
        return alerts.stream().filter(PortalLabels::isOpen)
                .filter(a -> a.severity == Severity.HIGH || a.severity == Severity.CRITICAL).toList();
    }

    /**
     * The notice once the change it announced has settled on the router ("quarantineVerified",
     * "releaseVerified" or "failed"), so a "requested" notice does not outlive the request; null while it is under way.
     */
    public String settledNotice() {
        if (notice == null || actions.isEmpty() || !(notice.equals("quarantine") || notice.startsWith("release"))) {
            return null;
        }
        ActionRow latest = actions.get(0);
        if (latest.failed()) {
            return "failed";
        }
        return latest.inProgress() ? null : notice.equals("quarantine") ? "quarantineVerified" : "releaseVerified";
    }

    /** Reachable while quarantined: it talks to the router only, which is not "online" as usual. */
    public boolean isolatedOnline() {
        return quarantine != null && device.online;
    }

    /** Whether releasing should ask if the problem is fixed: the device has alerts still needing attention. */
    public boolean askFixed() {
        return alerts.stream().anyMatch(a -> a.status.isActive());
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
