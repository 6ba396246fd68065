package io.homeshield.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.activity.ActionRow;
import io.homeshield.alert.AlertQueries;
import io.homeshield.enforcement.ActionQueries;
import io.homeshield.enforcement.BlockedDomain;
import io.homeshield.enforcement.BlockedDomainService;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.DeviceActivityQueries;
import io.homeshield.inventory.DeviceActivityQueries.HourlyTraffic;
import io.homeshield.inventory.DeviceQueries;
import io.homeshield.inventory.Router;

/** Puts the device page together: identity, quarantine, actions, traffic, destinations, blocks and alerts. */
@ApplicationScoped
class DevicePageViews {

    /** How long a device page keeps refreshing itself (without scripts) while an action has not settled. */
    private static final Duration WATCH_PENDING = Duration.ofMinutes(2);
    private static final int ACTIONS = 10;
    private static final int ALERTS = 20;
    private static final int DESTINATIONS = 8;

    private final DeviceQueries devices;
    private final AlertQueries alerts;
    private final ActionQueries actions;
    private final DeviceActivityQueries activity;
    private final BlockedDomainService blocks;
    private final PortalViews views;
    private final ObjectMapper json;
    private final Clock clock;
    private final Moments moments;

    DevicePageViews(DeviceQueries devices, AlertQueries alerts, ActionQueries actions, DeviceActivityQueries activity,
            BlockedDomainService blocks, PortalViews views, ObjectMapper json, Clock clock, Moments moments) {
        this.moments = moments;
        this.devices = devices;
        this.alerts = alerts;
        this.actions = actions;
        this.activity = activity;
        this.blocks = blocks;
        this.views = views;
        this.json = json;
        this.clock = clock;
    }

    Optional<DevicePage> devicePage(HouseholdId household, UUID deviceId, boolean canAct, String notice, String range,
            Locale locale) {
        return devices.find(household, deviceId).map(device -> {
            List<ActionRow> rows = actions.forDevice(household, deviceId, ACTIONS).stream()
                    .map(a -> new ActionRow(a, DeviceWords.friendlyName(device))).toList();
            Instant watchSince = clock.instant().minus(WATCH_PENDING);
            boolean refresh = rows.stream().anyMatch(r -> r.inProgress() && r.action().requestedAt.isAfter(watchSince));
            Router router = Router.findById(device.routerId);
            String chosen = range != null && TrafficView.RANGES.contains(range) ? range : "24h";
            Duration span = chosen.equals("7d") ? Duration.ofDays(7) : Duration.ofHours(24);
            Instant from = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(span).plus(Duration.ofHours(1));
            List<BlockedDomain> own = blocks.list(household).stream().filter(b -> deviceId.equals(b.deviceId)).toList();
            return new DevicePage(device, router, alerts.forDevice(household, deviceId, ALERTS), rows,
                    views.activeQuarantine(household, deviceId).orElse(null), canAct, refresh, notice,
                    PortalViews.newRequestKey(), traffic(household, deviceId, chosen, from, span, locale),
                    activity.topDestinations(household, deviceId, from, DESTINATIONS), own, null, null, null);
        });
    }

    private TrafficView traffic(HouseholdId household, UUID deviceId, String range, Instant from, Duration span,
            Locale locale) {
        List<HourlyTraffic> hours = activity.hourly(household, deviceId, from);
        long sent = hours.stream().mapToLong(HourlyTraffic::bytesOut).sum();
        long received = hours.stream().mapToLong(HourlyTraffic::bytesIn).sum();
        PortalMessages m = PortalBundles.messages(locale);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("from", from.getEpochSecond());
        data.put("hours", span.toHours());
        data.put("points", hours.stream().map(h -> Map.of("t", h.hour().getEpochSecond(), "sent", h.bytesOut(),
                "received", h.bytesIn())).toList());
        String caption = m.traffic_caption(Moments.bytes(sent, locale), Moments.bytes(received, locale));
        data.put("labels", Map.of("sent", m.traffic_sent(), "received", m.traffic_received(), "summary", caption,
                "total", PortalBundles.guide(locale).chart_total()));
        data.put("zone", moments.zoneName());
        return new TrafficView(range, hours, caption, embeddable(data));
    }

    /** JSON that cannot end the script element it sits in. */
    private String embeddable(Object data) {
        try {
            return json.writeValueAsString(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&",
                    "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("traffic data not serialisable", e);
        }
    }
}
