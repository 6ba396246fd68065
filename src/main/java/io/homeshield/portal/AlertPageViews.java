package io.homeshield.portal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.activity.AlertRow;
import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertQueries;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.DeviceQueries;

/** The alert list (active ones, then history a page at a time) and one alert with its evidence. */
@ApplicationScoped
class AlertPageViews {

    private static final int ACTIVE = 100;
    static final int HISTORY_PAGE = 25;

    private final AlertQueries alerts;
    private final DeviceQueries devices;
    private final PortalViews views;
    private final ObjectMapper json;

    AlertPageViews(AlertQueries alerts, DeviceQueries devices, PortalViews views, ObjectMapper json) {
        this.alerts = alerts;
        this.devices = devices;
        this.views = views;
        this.json = json;
    }

    AlertListView list(HouseholdId household, int page) {
        int current = Math.max(0, page);
        Map<UUID, String> names = PortalViews.names(devices.list(household));
        Set<UUID> quarantined = views.quarantinedDevices(household);
        List<Alert> history = alerts.history(household, current * HISTORY_PAGE, HISTORY_PAGE + 1);
        return new AlertListView(AlertRow.attentionFirst(rows(alerts.active(household, ACTIVE), names, quarantined)),
                rows(history.subList(0, Math.min(HISTORY_PAGE, history.size())), names, quarantined), current,
                history.size() > HISTORY_PAGE);
    }

    Optional<AlertPage> alertPage(HouseholdId household, UUID alertId, boolean canAct, String notice) {
        return alerts.find(household, alertId).flatMap(alert -> alert.deviceId == null
                ? Optional.of(new AlertPage(alert, null, null, feedOf(alert), canAct, notice))
                : devices.find(household, alert.deviceId)
                        .map(device -> new AlertPage(alert, device,
                                views.activeQuarantine(household, device.id).orElse(null), feedOf(alert), canAct,
                                notice)));
    }

    private static List<AlertRow> rows(List<Alert> alerts, Map<UUID, String> names, Set<UUID> quarantined) {
        return alerts.stream().map(a -> new AlertRow(a, names.getOrDefault(a.deviceId, ""),
                quarantined.contains(a.deviceId))).toList();
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
