package io.homeshield.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertQueries;
import io.homeshield.alert.AlertStatus;
import io.homeshield.enforcement.ActionQueries;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceQueries;
import io.homeshield.inventory.Router;

/** Puts together what the pages show, always within one household. */
@ApplicationScoped
public class PortalViews {

    /** How long a device page keeps refreshing itself while an action has not settled. */
    private static final Duration WATCH_PENDING = Duration.ofMinutes(2);
    private static final int RECENT = 5;

    private final DeviceQueries devices;
    private final AlertQueries alerts;
    private final ActionQueries actions;
    private final QuarantineService quarantines;
    private final ObjectMapper json;
    private final Clock clock;

    PortalViews(DeviceQueries devices, AlertQueries alerts, ActionQueries actions, QuarantineService quarantines,
            ObjectMapper json, Clock clock) {
        this.devices = devices;
        this.alerts = alerts;
        this.actions = actions;
        this.quarantines = quarantines;
        this.json = json;
        this.clock = clock;
    }

    DashboardView dashboard(HouseholdId household) {
        List<Device> all = devices.list(household);
        Map<UUID, String> names = names(all);
        Set<UUID> quarantined = quarantinedDevices(household);
        List<Alert> open = openAlerts(household);
        long needAttention = open.stream().map(a -> a.deviceId).distinct().filter(id -> !quarantined.contains(id))
                .count();
        List<AlertRow> openRows = open.stream().limit(RECENT)
                .map(a -> new AlertRow(a, names.getOrDefault(a.deviceId, "A device"))).toList();
        List<ActionRow> recent = actions.recent(household, RECENT).stream()
                .map(a -> new ActionRow(a, names.getOrDefault(a.deviceId, a.targetMac))).toList();
        return new DashboardView(Household.findById(household.value()), all.stream().filter(d -> d.online).count(),
                all.size(), needAttention, quarantined.size(), openRows, recent);
    }

    /** The household's devices with their quarantine and alert chips. */
    public List<DeviceRow> deviceRows(HouseholdId household) {
        Set<UUID> quarantined = quarantinedDevices(household);
        Set<UUID> flagged = openAlerts(household).stream().map(a -> a.deviceId).collect(Collectors.toSet());
        return devices.list(household).stream()
                .map(d -> new DeviceRow(d, quarantined.contains(d.id), flagged.contains(d.id))).toList();
    }

    Optional<DevicePage> devicePage(HouseholdId household, UUID deviceId, boolean canAct, String notice) {
        return devices.find(household, deviceId).map(device -> {
            List<ActionRow> rows = actions.forDevice(household, deviceId, 10).stream()
                    .map(a -> new ActionRow(a, device.displayName())).toList();
            Instant watchSince = clock.instant().minus(WATCH_PENDING);
            boolean refresh = rows.stream()
                    .anyMatch(r -> r.inProgress() && r.action().requestedAt.isAfter(watchSince));
            Router router = devices.routers(household).stream().filter(r -> r.id.equals(device.routerId))
                    .findFirst().orElse(null);
            return new DevicePage(device, router, alerts.forDevice(household, deviceId), rows,
                    activeQuarantine(household, deviceId).orElse(null), canAct, refresh, notice, newRequestKey());
        });
    }

    List<AlertRow> alertRows(HouseholdId household) {
        Map<UUID, String> names = names(devices.list(household));
        return alerts.list(household).stream()
                .map(a -> new AlertRow(a, names.getOrDefault(a.deviceId, "A device"))).toList();
    }

    Optional<AlertPage> alertPage(HouseholdId household, UUID alertId, boolean canAct) {
        return alerts.find(household, alertId).flatMap(alert -> devices.find(household, alert.deviceId)
                .map(device -> new AlertPage(alert, device, activeQuarantine(household, device.id).orElse(null),
                        feedOf(alert), canAct)));
    }

    Optional<Device> device(HouseholdId household, UUID deviceId) {
        return devices.find(household, deviceId);
    }

    /** Makes a repeated submit of the same form one action, not two. */
    static String newRequestKey() {
        return "portal-" + UUID.randomUUID();
    }

    private Optional<DeviceQuarantine> activeQuarantine(HouseholdId household, UUID deviceId) {
        return quarantines.quarantineOf(household, deviceId).filter(this::inEffect);
    }

    private Set<UUID> quarantinedDevices(HouseholdId household) {
        return DeviceQuarantine.<DeviceQuarantine>list("householdId", household.value()).stream()
                .filter(this::inEffect).map(q -> q.deviceId).collect(Collectors.toSet());
    }

    private boolean inEffect(DeviceQuarantine quarantine) {
        return quarantine.expiresAt == null || quarantine.expiresAt.isAfter(clock.instant());
    }

    private List<Alert> openAlerts(HouseholdId household) {
        return alerts.list(household).stream().filter(a -> a.status == AlertStatus.OPEN).toList();
    }

    private static Map<UUID, String> names(List<Device> devices) {
        return devices.stream().collect(Collectors.toMap(d -> d.id, Device::displayName, (a, b) -> a));
    }

    private String feedOf(Alert alert) {
        try {
            JsonNode feed = json.readTree(alert.evidence).get("feed");
            return feed != null && feed.isTextual() && !feed.asText().isBlank() ? feed.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
