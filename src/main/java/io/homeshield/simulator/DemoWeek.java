package io.homeshield.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertLifecycle;
import io.homeshield.alert.AlertRaiser;
import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.audit.Actor;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdMember;
import io.homeshield.infra.SqlValues;
import io.homeshield.intel.IndicatorKind;
import io.homeshield.intel.ThreatIntel;
import io.homeshield.inventory.ActivityCounts;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceActivityWriter;
import io.homeshield.inventory.DeviceSightings;
import io.homeshield.inventory.Router;
import io.homeshield.inventory.Sighting;
import io.homeshield.net.IpAddress;
import io.homeshield.net.MacAddress;

/**
 * Gives each demo household the week it would have had before the demo starts, so the first pages
 * show what HomeShield looks like after a week: its devices known since then, hourly traffic up to
 * the current hour, and (where the catalogue tells of one) an alert that was raised, a quarantine that
 * ran out and the alert resolved. Everything is written through the product's own paths: sightings,
 * the roll-up writer, the alert raiser and lifecycle, the quarantine service (whose expiry job lifts
 * the quarantine). Run again it adds only the whole hours since the last hour stored, and the incident
 * only if its alert is not there yet.
 */
@ApplicationScoped
class DemoWeek {

    static final Duration WEEK = Duration.ofDays(7);

    private final DeviceSightings sightings;
    private final DeviceActivityWriter activity;
    private final AlertRaiser alerts;
    private final AlertLifecycle lifecycle;
    private final QuarantineService quarantines;
    private final SimulatorConfig config;
    private final Clock clock;

    DemoWeek(DeviceSightings sightings, DeviceActivityWriter activity, AlertRaiser alerts, AlertLifecycle lifecycle,
            QuarantineService quarantines, SimulatorConfig config, Clock clock) {
        this.sightings = sightings;
        this.activity = activity;
        this.alerts = alerts;
        this.lifecycle = lifecycle;
        this.quarantines = quarantines;
        this.config = config;
        this.clock = clock;
    }

    /** What one backfill added to a router's household. */
    record Filled(int hours, int activityRows, boolean incident) {
    }

    @Transactional
    Filled backfill(SeededRouter seeded) {
        Router router = Router.findById(seeded.routerId());
        Instant currentHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant weekStart = currentHour.minus(WEEK);
        Map<MacAddress, Device> devices = knownSince(router, seeded.household(), weekStart);

        Instant from = nextUnfilledHour(router, weekStart);
        PastTraffic traffic = new PastTraffic(config.seed(), config.interval());
        Optional<PastIncident> incident = DemoCatalogue.incidentOf(seeded.household());
        int hours = 0;
        for (Instant hour = from; hour.isBefore(currentHour); hour = hour.plus(Duration.ofHours(1)), hours++) {
            for (DemoDevice demo : seeded.household().devices()) {
                Device device = devices.get(demo.mac());
                if (device != null && !hour.isBefore(device.firstSeen.truncatedTo(ChronoUnit.HOURS))
                        && !isolatedIn(incident, demo, hour, currentHour)) {
                    traffic.hour(device.id, demo, hour);
                }
            }
        }
        List<ActivityCounts> rows = traffic.activity();
        activity.add(rows, traffic.destinations());
        boolean told = incident.isPresent() && tell(incident.get(), router, devices, currentHour);
        return new Filled(hours, rows.size(), told);
    }

    /** The router's devices, those of the demo it has not reported yet sighted as present since the week's start. */
    private Map<MacAddress, Device> knownSince(Router router, DemoHousehold household, Instant weekStart) {
        Map<MacAddress, Device> known = new HashMap<>();
        Device.<Device>list("routerId", router.id).forEach(d -> known.put(d.macAddress(), d));
        List<Sighting> missing = new ArrayList<>();
        for (DemoDevice demo : household.devices()) {
            if (!known.containsKey(demo.mac())) {
                missing.add(new Sighting(demo.mac(), IpAddress.of(demo.ip()), demo.hostname(), true, weekStart));
            }
        }
        return missing.isEmpty() ? known : sightings.apply(router, missing);
    }

    /** The hour after the router's latest stored hour of traffic; the week's start when there is none. */
    private static Instant nextUnfilledHour(Router router, Instant weekStart) {
        Object latest = Device.getEntityManager().createNativeQuery("""
                select max(a.bucket_start) from device_activity a join device d on d.id = a.device_id
                where d.router_id = ?1""").setParameter(1, router.id).getSingleResult();
        if (latest == null) {
            return weekStart;
        }
        Instant next = SqlValues.instant(latest).truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        return next.isAfter(weekStart) ? next : weekStart;
    }


    /** Whether the incident's device was cut off by its quarantine during the hour. */
    private static boolean isolatedIn(Optional<PastIncident> incident, DemoDevice device, Instant hour,
            Instant currentHour) {
        if (incident.isEmpty() || !incident.get().device().equals(device.mac())) {
            return false;
        }
        Instant isolated = quarantinedAt(incident.get(), currentHour).truncatedTo(ChronoUnit.HOURS);
        return !hour.isBefore(isolated) && hour.isBefore(isolated.plus(incident.get().quarantinedFor()));
    }

    private static Instant seenAt(PastIncident incident, Instant currentHour) {
        return currentHour.minus(incident.ago()).plus(Duration.ofMinutes(17));
    }

    private static Instant quarantinedAt(PastIncident incident, Instant currentHour) {
        return seenAt(incident, currentHour).plus(Duration.ofMinutes(12));
    }

    /**
     * The incident, told once: the alert raised as the detector would have, the owner's quarantine
     * for a while that ended in the past (the expiry job lifts it through the release path), the alert
     * resolved by the owner. The alert keeps the times it happened at; the activity log records these
     * acts when they are written, as the audit log records every act.
     */
    private boolean tell(PastIncident incident, Router router, Map<MacAddress, Device> devices, Instant currentHour) {
        Device device = devices.get(incident.device());
        String dedupKey = IndicatorKind.DOMAIN.name().toLowerCase(Locale.ROOT) + ":" + incident.host();
        if (device == null || Alert.count("deviceId = ?1 and type = ?2 and dedupKey = ?3", device.id,
                AlertType.KNOWN_BAD_DESTINATION.name(), dedupKey) > 0) {
            return false;
        }
        Instant seen = seenAt(incident, currentHour);
        Finding finding = new Finding(device.macAddress(), AlertType.KNOWN_BAD_DESTINATION, dedupKey, incident.host(),
                Map.of("indicator", incident.host(), "indicatorKind",
                        IndicatorKind.DOMAIN.name().toLowerCase(Locale.ROOT),
                        "feed", ThreatIntel.URLHAUS, "observed", "looked up " + incident.host()),
                seen, seen, 1);
        List<Alert> raised = alerts.raise(router.id, devices, List.of(finding));
        if (raised.isEmpty()) {
            return false; // the provider's analysts suppressed this pattern fleet-wide
        }
        Alert alert = raised.get(0);
        alert.createdAt = seen;

        HouseholdId household = new HouseholdId(router.householdId);
        Actor owner = owner(household);
        quarantines.quarantine(household, device.id, QuarantineLevel.FULL, incident.quarantinedFor(), owner, null,
                null);
        DeviceQuarantine isolated = DeviceQuarantine.findById(device.id);
        isolated.requestedAt = quarantinedAt(incident, currentHour);
        isolated.expiresAt = isolated.requestedAt.plus(incident.quarantinedFor());

        lifecycle.resolve(household, alert.id, owner, incident.resolution());
        alert.statusChangedAt = seen.plus(incident.resolvedAfter());
        return true;
    }

    private static Actor owner(HouseholdId household) {
        return HouseholdMember.listOf(household).stream().findFirst().map(m -> Actor.subscriber(m.subject))
                .orElse(Actor.SYSTEM);
    }
}
