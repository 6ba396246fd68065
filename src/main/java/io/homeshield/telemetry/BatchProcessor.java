package io.homeshield.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import io.homeshield.enforcement.BlockedLookups;
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
import io.homeshield.wire.ConfigEvent;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.HostEvent;
import io.homeshield.wire.TelemetryBatch;
import io.homeshield.wire.TelemetryEvent;

/**
 * Applies validated batches, a group of them (of many routers) in one transaction: the receipts that
 * make a resend harmless in one multi-row insert, every router's devices read with one query and
 * the sightings applied to them, detection in memory, the alerts it raises, the roll-ups summed over
 * the whole group before one upsert per table, and the configuration changes together. The routers'
 * rows are locked with one statement in the order of their ids, so a group on another replica
 * touching the same router waits for this one instead of racing it. Statements are per group and
 * per changed row, never per event or per batch. A router keeps at most {@code max-devices-per-router}
 * devices; new MACs beyond them are counted on one finding about the router.
 */
@ApplicationScoped
class BatchProcessor {

    /** Contact after this long a silence counts as the router coming back: its waiting actions go now. */
    private static final Duration SILENCE = Duration.ofMinutes(1);

    /**
     * How far a router's last contact moves before its row is written: a router posting every few
     * seconds costs one row update a half-minute, not one per batch. A silence is judged with this lag added.
     */
    static final Duration CONTACT_STEP = Duration.ofSeconds(30);

    /** A checked batch from a router, and the channel it came in on. */
    record Submitted(UUID routerId, TelemetryBatch batch, EvidenceSource source) {
        TelemetryReceipt.Key key() {
            return new TelemetryReceipt.Key(routerId, batch.sequence());
        }
    }

    private final DeviceSightings sightings;
    private final DetectionEngine detection;
    private final AlertRaiser alerts;
    private final ConfigHistory configHistory;
    private final DeviceActivityWriter activity;
    private final AutoQuarantine autoQuarantine;
    private final AddressNames addressNames;
    private final RouterReturns routerReturns;
    private final ReceiptWriter receipts;
    private final BlockedLookups blockedLookups;
    private final TelemetryConfig config;
    private final IngestMetrics metrics;
    private final Clock clock;

    BatchProcessor(DeviceSightings sightings, DetectionEngine detection, AlertRaiser alerts,
            ConfigHistory configHistory, DeviceActivityWriter activity, AutoQuarantine autoQuarantine,
            AddressNames addressNames, RouterReturns routerReturns, ReceiptWriter receipts,
            BlockedLookups blockedLookups, TelemetryConfig config, IngestMetrics metrics, Clock clock) {
        this.sightings = sightings;
        this.detection = detection;
        this.alerts = alerts;
        this.configHistory = configHistory;
        this.activity = activity;
        this.autoQuarantine = autoQuarantine;
        this.addressNames = addressNames;
        this.routerReturns = routerReturns;
        this.receipts = receipts;
        this.blockedLookups = blockedLookups;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Transactional
    BatchOutcome process(UUID routerId, TelemetryBatch batch, EvidenceSource source) {
        return process(List.of(new Submitted(routerId, batch, source))).get(0);
    }

    /**
     * Applies the group in one transaction, each router's batches in the order given; returns one
     * outcome per batch, in the same order. A batch whose sequence number its router has sent before
     * (in an earlier group, or earlier in this one) is a duplicate and changes nothing.
     */
    @Transactional
    List<BatchOutcome> process(List<Submitted> group) {
        return store(arrive(group, Set.of()));
    }

    /** Stores the arrivals, then runs {@code alsoInTransaction} (stream positions, say) in the same transaction. */
    @Transactional
    List<BatchOutcome> store(List<Arrival> arrivals, Runnable alsoInTransaction) {
        List<BatchOutcome> outcomes = store(arrivals);
        alsoInTransaction.run();
        return outcomes;
    }

    /**
     * What a batch left after it arrived: its devices, detection and alerts are applied; its receipt,
     * roll-up sums and configuration changes wait in memory for {@link #store}, which may take the
     * arrivals of many groups together. The events themselves are not kept.
     */
    static final class Arrival {

        /** What arriving made of the batch. */
        enum Kind {
            /** Applied now; its records are stored with its flush. */
            APPLIED,
            /** Its receipt was committed before: a resend, nothing applied. */
            DUPLICATE,
            /** A copy of a batch that arrived earlier and is not stored yet: it shares that batch's fate. */
            REPEATED
        }

        final Kind kind;
        final UUID routerId;
        final long sequence;
        final int events;
        /** The batch's own sentAt, as sent: its receipt's day. */
        final Instant sentAt;
        final int alertsOpened;
        final ActivityRollup rollup;
        final List<ConfigChange> changes;
        final BlockedLookups.Tally blocked;

        private Arrival(Kind kind, Submitted s, int alertsOpened, ActivityRollup rollup, List<ConfigChange> changes,
                BlockedLookups.Tally blocked) {
            this.kind = kind;
            this.routerId = s.routerId();
            this.sequence = s.batch().sequence();
            this.events = s.batch().events().size();
            this.sentAt = s.batch().sentAt();
            this.alertsOpened = alertsOpened;
            this.rollup = rollup;
            this.changes = changes;
            this.blocked = blocked;
        }

        TelemetryReceipt.Key key() {
            return new TelemetryReceipt.Key(routerId, sequence);
        }

        BatchOutcome duplicate() {
            return BatchOutcome.duplicate(routerId, sequence, events);
        }
    }

    /**
     * The part of applying a group that must not wait: the routers' rows locked in id order, batches
     * sent before skipped (their receipts are committed, or they are among {@code open}: applied and
     * waiting for their flush), every router's devices read with one query and the sightings applied,
     * detection in memory and the alerts it raises, all in the caller's transaction or one of its own.
     * Applying a device's sighting twice changes nothing, so a batch applied here whose storing later
     * fails is simply applied again when it is resent.
     */
    @Transactional
    List<Arrival> arrive(List<Submitted> group, Set<TelemetryReceipt.Key> open) {
        if (group.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<TelemetryReceipt.Key, ReceiptWriter.Receipt> keys = new HashMap<>();
        Set<UUID> routerIds = new HashSet<>();
        for (Submitted s : group) {
            routerIds.add(s.routerId());
            if (!open.contains(s.key())) {
                keys.putIfAbsent(s.key(), ReceiptWriter.Receipt.of(s.routerId(), s.batch().sequence(),
                        s.batch().events().size(), s.batch().sentAt()));
            }
        }
        Map<UUID, Router> routers = locked(routerIds);
        Set<TelemetryReceipt.Key> stored = receipts.written(keys.values());
        Set<UUID> applying = new HashSet<>();
        for (TelemetryReceipt.Key key : keys.keySet()) {
            if (!stored.contains(key)) {
                applying.add(key.routerId);
            }
        }
        Map<UUID, Map<MacAddress, Device>> devicesOf = sightings.devicesOf(applying);
        Set<UUID> households = new HashSet<>();
        for (UUID routerId : applying) {
            households.add(routers.get(routerId).householdId);
        }
        BlockedLookups.Blocks blocks = blockedLookups.blocksOf(households);
        Set<TelemetryReceipt.Key> seen = new HashSet<>(open);
        List<AlertRaiser.Raised> raised = new ArrayList<>();
        List<Arrival> arrivals = new ArrayList<>(group.size());
        for (Submitted s : group) {
            TelemetryBatch batch = s.batch();
            if (stored.contains(s.key())) {
                arrivals.add(new Arrival(Arrival.Kind.DUPLICATE, s, 0, null, null, null));
                continue;
            }
            if (!seen.add(s.key())) {
                arrivals.add(new Arrival(Arrival.Kind.REPEATED, s, 0, null, null, null));
                continue;
            }
            Router router = routers.get(s.routerId());
            if (router.lastContactAt == null || router.lastContactAt.isBefore(now.minus(SILENCE.plus(CONTACT_STEP)))) {
                routerReturns.routerReturned(router.id);
            }
            if (router.lastContactAt == null || !router.lastContactAt.isAfter(now.minus(CONTACT_STEP))) {
                router.lastContactAt = now;
            }
            Instant sentAt = batch.sentAt().isAfter(now) ? now : batch.sentAt();
            Map<MacAddress, Device> devices = devicesOf.get(router.id);
            DeviceSightings.Applied applied = sightings.applyNoting(router, devices,
                    sightingsOf(batch.events(), sentAt, now), config.maxDevicesPerRouter());
            List<Finding> findings = detection.inspect(router.id, batch.events(), sentAt);
            BlockedLookups.Tally blocked = blockedLookups.count(router.household(), batch.events(), sentAt, blocks);
            if (!applied.joined().isEmpty() || !applied.overCap().isEmpty()) {
                findings = new ArrayList<>(findings);
                findings.addAll(DeviceJoined.findings(applied.joined()));
            }
            if (!applied.overCap().isEmpty()) {
                findings.add(TooManyDevices.finding(config.maxDevicesPerRouter(), applied.overCap(), sentAt));
                metrics.overCap(applied.overCap().size());
            }
            AlertRaiser.Raised r = alerts.raise(router.id, devices, findings, s.source());
            raised.add(r);
            ActivityRollup rollup = ActivityRollup.of(router.id, batch.events(), devices, sentAt, addressNames);
            arrivals.add(new Arrival(Arrival.Kind.APPLIED, s, r.opened().size(), rollup,
                    configChanges(router.id, batch.events(), sentAt, now), blocked));
        }
        raised.forEach(autoQuarantine::onAlertsRaised);
        return arrivals;
    }

    /**
     * Stores what the arrivals left, in the caller's transaction or one of its own: the receipts of
     * all applied batches with one multi-row insert (a conflict is a batch another replica stored
     * meanwhile: a duplicate, whose sums are left out), the roll-up sums of the fresh ones merged into
     * one row per device and hour and per device, day and destination, written with one upsert per
     * table, and their configuration changes. A batch's receipt and its data commit together.
     */
    @Transactional
    List<BatchOutcome> store(List<Arrival> arrivals) {
        Instant now = clock.instant();
        List<ReceiptWriter.Receipt> wanted = new ArrayList<>(arrivals.size());
        for (Arrival a : arrivals) {
            if (a.kind == Arrival.Kind.APPLIED) {
                wanted.add(ReceiptWriter.Receipt.of(a.routerId, a.sequence, a.events, a.sentAt));
            }
        }
        Set<TelemetryReceipt.Key> fresh = receipts.writeNew(wanted, now);
        ActivityRollup rollup = new ActivityRollup();
        List<ConfigChange> changes = new ArrayList<>();
        BlockedLookups.Tally blocked = blockedLookups.tally();
        List<BatchOutcome> outcomes = new ArrayList<>(arrivals.size());
        for (Arrival a : arrivals) {
            if (a.kind == Arrival.Kind.APPLIED && fresh.contains(a.key())) {
                rollup.addAll(a.rollup);
                changes.addAll(a.changes);
                blocked.addAll(a.blocked);
                outcomes.add(BatchOutcome.accepted(a.routerId, a.sequence, a.events, a.alertsOpened));
            } else {
                outcomes.add(a.duplicate());
            }
        }
        activity.add(rollup.activity(), rollup.destinations());
        configHistory.record(changes);
        blocked.write();
        metrics.stored(wanted.size(), rollup.hourRows(), rollup.destinationRows());
        return outcomes;
    }

    /** The routers' rows, locked in the order of their ids (so two groups sharing routers cannot deadlock). */
    private static Map<UUID, Router> locked(Set<UUID> ids) {
        Map<UUID, Router> out = new HashMap<>();
        for (Router router : Router.<Router>find("id in ?1 order by id", ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()) {
            out.put(router.id, router);
        }
        if (out.size() != ids.size()) {
            throw new IllegalStateException("a batch's router no longer exists");
        }
        return out;
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

    private static void traffic(List<Sighting> out, Map<MacAddress, Instant> latestTraffic, MacAddress mac,
            Instant at) {
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
