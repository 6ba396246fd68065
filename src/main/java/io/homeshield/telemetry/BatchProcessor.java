package io.homeshield.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.homeshield.alert.AlertRaiser;
import io.homeshield.alert.DeviceJoined;
import io.homeshield.alert.EvidenceSource;
import io.homeshield.alert.Finding;
import io.homeshield.detection.DetectionEngine;
import io.homeshield.enforcement.AutoQuarantine;
import io.homeshield.enforcement.RouterReturns;
import io.homeshield.fleet.ConfigChange;
import io.homeshield.fleet.ConfigHistory;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceActivityWriter;
import io.homeshield.inventory.DeviceSightings;
import io.homeshield.inventory.Router;
import io.homeshield.inventory.Sighting;
import io.homeshield.net.IpAddress;
import io.homeshield.net.MacAddress;
import io.homeshield.telemetry.wire.ConfigEvent;
import io.homeshield.telemetry.wire.DnsEvent;
import io.homeshield.telemetry.wire.FlowEvent;
import io.homeshield.telemetry.wire.HostEvent;
import io.homeshield.telemetry.wire.TelemetryBatch;
import io.homeshield.telemetry.wire.TelemetryEvent;

/**
 * Applies one validated batch in one transaction: the receipt that makes a resend harmless, the
 * device sightings, detection in memory, the alerts it raises and the configuration changes.
 * Statements are per batch and per changed row, never per event. A router keeps at most
 * {@code max-devices-per-router} devices; new MACs beyond them are counted on one finding about the router.
 */
@ApplicationScoped
class BatchProcessor {

    /** Contact after this long a silence counts as the router coming back: its waiting actions go now. */
    private static final Duration SILENCE = Duration.ofMinutes(1);

    private final DeviceSightings sightings;
    private final DetectionEngine detection;
    private final AlertRaiser alerts;
    private final ConfigHistory configHistory;
    private final DeviceActivityWriter activity;
    private final AutoQuarantine autoQuarantine;
    private final AddressNames addressNames;
    private final RouterReturns routerReturns;
    private final TelemetryConfig config;
    private final IngestMetrics metrics;
    private final Clock clock;

    BatchProcessor(DeviceSightings sightings, DetectionEngine detection, AlertRaiser alerts,
            ConfigHistory configHistory, DeviceActivityWriter activity, AutoQuarantine autoQuarantine,
            AddressNames addressNames, RouterReturns routerReturns, TelemetryConfig config, IngestMetrics metrics,
            Clock clock) {
        this.sightings = sightings;
        this.detection = detection;
        this.alerts = alerts;
        this.configHistory = configHistory;
        this.activity = activity;
        this.autoQuarantine = autoQuarantine;
        this.addressNames = addressNames;
        this.routerReturns = routerReturns;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional
    BatchOutcome process(UUID routerId, TelemetryBatch batch, EvidenceSource source) {
        // The router's row lock orders its batches: a resend racing the original waits, then finds the receipt.
        Router router = Router.findById(routerId, LockModeType.PESSIMISTIC_WRITE);
        int events = batch.events().size();
        if (TelemetryReceipt.findById(new TelemetryReceipt.Key(routerId, batch.sequence())) != null) {
            return BatchOutcome.duplicate(routerId, batch.sequence(), events);
        }
        Instant now = clock.instant();
        persistReceipt(routerId, batch, now);
        if (router.lastContactAt == null || router.lastContactAt.isBefore(now.minus(SILENCE))) {
            routerReturns.routerReturned(routerId);
        }
        router.lastContactAt = now;

        Instant sentAt = batch.sentAt().isAfter(now) ? now : batch.sentAt();
        DeviceSightings.Applied applied = sightings.applyNoting(router, sightingsOf(batch.events(), sentAt, now),
                config.maxDevicesPerRouter());
        Map<MacAddress, Device> devices = applied.devices();
        List<Finding> findings = detection.inspect(routerId, batch.events(), sentAt);
        if (!applied.joined().isEmpty() || !applied.overCap().isEmpty()) {
            findings = new ArrayList<>(findings);
            findings.addAll(DeviceJoined.findings(applied.joined()));
        }
        if (!applied.overCap().isEmpty()) {
            findings.add(TooManyDevices.finding(config.maxDevicesPerRouter(), applied.overCap(), sentAt));
            metrics.overCap(applied.overCap().size());
        }
        AlertRaiser.Raised raised = alerts.raise(routerId, devices, findings, source);
        ActivityRollup rollup = ActivityRollup.of(routerId, batch.events(), devices, sentAt, addressNames);
        activity.add(rollup.activity(), rollup.destinations());
        configHistory.record(configChanges(routerId, batch.events(), sentAt, now));
        autoQuarantine.onAlertsRaised(raised);
        return BatchOutcome.accepted(routerId, batch.sequence(), events, raised.opened().size());
    }

    private static void persistReceipt(UUID routerId, TelemetryBatch batch, Instant now) {
        TelemetryReceipt receipt = new TelemetryReceipt();
        receipt.routerId = routerId;
        receipt.sequence = batch.sequence();
        receipt.eventCount = batch.events().size();
        receipt.receivedAt = now;
        receipt.persist();
    }

    private static List<Sighting> sightingsOf(List<TelemetryEvent> events, Instant sentAt, Instant now) {
        List<Sighting> out = new ArrayList<>();
        // A batch names a handful of devices thousands of times: each MAC text is parsed once.
        Map<String, MacAddress> macs = new HashMap<>();
        // Traffic no later than the device's traffic already noted since its last host entry changes
        // nothing (it is online and seen by then), so it is left out.
        Map<MacAddress, Instant> latestTraffic = new HashMap<>();
        for (TelemetryEvent event : events) {
            if (event instanceof HostEvent host) {
                MacAddress mac = mac(macs, host.mac());
                out.add(new Sighting(mac, host.ip() == null ? null : IpAddress.of(host.ip()),
                        host.hostname(), host.active(), notAfter(host.at() == null ? sentAt : host.at(), now)));
                latestTraffic.remove(mac);
            } else if (event instanceof DnsEvent dns) {
                traffic(out, latestTraffic, mac(macs, dns.mac()), notAfter(dns.at() == null ? sentAt : dns.at(), now));
            } else if (event instanceof FlowEvent flow) {
                traffic(out, latestTraffic, mac(macs, flow.mac()), notAfter(flow.start(), now));
            }
        }
        return out;
    }

    private static void traffic(List<Sighting> out, Map<MacAddress, Instant> latestTraffic, MacAddress mac, Instant at) {
        Instant latest = latestTraffic.get(mac);
        if (latest == null || at.isAfter(latest)) {
            out.add(Sighting.traffic(mac, at));
            latestTraffic.put(mac, at);
        }
    }

    private static MacAddress mac(Map<String, MacAddress> parsed, String text) {
        MacAddress mac = parsed.get(text);
        if (mac == null) {
            mac = MacAddress.of(text);
            parsed.put(text, mac);
        }
        return mac;
    }

    private static List<ConfigChange> configChanges(UUID routerId, List<TelemetryEvent> events, Instant sentAt,
            Instant now) {
        List<ConfigChange> out = new ArrayList<>();
        for (TelemetryEvent event : events) {
            if (event instanceof ConfigEvent c) {
                out.add(new ConfigChange(routerId, c.path(), c.oldValue(), c.newValue(), c.source(),
                        notAfter(c.at() == null ? sentAt : c.at(), now), now));
            }
        }
        return out;
    }

    /** A router's clock may run ahead; nothing is recorded as seen in the future. */
    private static Instant notAfter(Instant at, Instant now) {
        return at.isAfter(now) ? now : at;
    }
}
