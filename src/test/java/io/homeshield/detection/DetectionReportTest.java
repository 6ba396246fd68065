package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.intel.ThreatIntel;
import io.homeshield.inventory.DeviceTypeGuesser;
import io.homeshield.inventory.VendorRegistry;
import io.homeshield.net.MacAddress;
import io.homeshield.simulator.scenario.DeviceKind;
import io.homeshield.simulator.scenario.Infection;
import io.homeshield.simulator.scenario.LabelledDevice;
import io.homeshield.simulator.scenario.ScenarioFleet;

/**
 * The detection report: a simulated fleet of ordinary homes and infected devices with known
 * onsets, played through every detector. Each infection must be flagged, as what it is, within a
 * minute of its onset; ordinary devices may cause at most 0.1 false alerts per 1,000 device-days.
 */
class DetectionReportTest {

    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration LENGTH = Duration.ofDays(3);
    private static final int BENIGN_HOMES = 40;
    private static final int HOMES_PER_INFECTION = 2;
    private static final Duration MAX_TIME_TO_DETECT = Duration.ofSeconds(60);
    private static final double MAX_FALSE_ALERTS_PER_1000_DEVICE_DAYS = 0.1;
    /** Read once: the evaluation builds a fresh set of detectors per case. */
    private static final VendorRegistry VENDORS = VendorRegistry.loaded();

    private static final Map<Infection, AlertType> EXPECTED = new EnumMap<>(Map.of(
            Infection.MIRAI_SCANNER, AlertType.SCANNING,
            Infection.MIRAI_SCANNER_WITHOUT_FINGERPRINT, AlertType.SCANNING,
            Infection.C2_BEACON, AlertType.C2_BEACONING,
            Infection.DGA_BOT, AlertType.DGA_LOOKUPS,
            Infection.SSH_BRUTE_FORCE, AlertType.BRUTE_FORCE,
            Infection.DATA_EXFILTRATION, AlertType.UPLOAD_SPIKE,
            Infection.DDOS_PARTICIPANT, AlertType.TRAFFIC_FLOOD,
            Infection.ROUTER_DNS_HIJACK, AlertType.ROUTER_DNS_HIJACK));

    @Test
    void everyInfectionIsFlaggedWithinAMinuteAndOrdinaryHomesStayQuiet() {
        ScenarioFleet fleet = new ScenarioFleet(20260302L, BENIGN_HOMES, HOMES_PER_INFECTION, START, LENGTH);
        DetectionEngine engine = allDetectors();
        Map<DeviceOnRouter, LabelledDevice> truth = new HashMap<>();
        fleet.devices().forEach(d -> truth.put(DeviceOnRouter.of(d), d));

        Map<AlertKey, Instant> firstRaised = new LinkedHashMap<>();
        Map<AlertKey, Finding> firstFinding = new HashMap<>();
        long[] events = new long[1];
        long started = System.nanoTime();
        fleet.play(batch -> {
            events[0] += batch.events().size();
            for (Finding f : engine.inspect(batch.routerId(), batch.events(), batch.sentAt())) {
                AlertKey key = new AlertKey(new DeviceOnRouter(batch.routerId(), f.device()), f.type(), f.dedupKey());
                if (firstRaised.putIfAbsent(key, batch.sentAt()) == null) {
                    firstFinding.put(key, f);
                }
            }
        });
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        List<String> problems = new ArrayList<>();
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%nDetection report: %d homes, %d devices, %s simulated, %,d events in %,d ms (%,d events/s)%n",
                BENIGN_HOMES + HOMES_PER_INFECTION * Infection.values().length,
                truth.values().stream().filter(d -> d.kind() != DeviceKind.ROUTER).count(), LENGTH, events[0],
                elapsedMillis, events[0] * 1000 / Math.max(1, elapsedMillis)));
        report.append(String.format(Locale.ROOT, "%-36s %-13s %-9s %-14s %s%n", "scenario", "device", "detected",
                "time to detect", "alerts raised after onset"));
        for (LabelledDevice infected : truth.values().stream().filter(LabelledDevice::isInfected)
                .sorted((a, b) -> a.infection().compareTo(b.infection())).toList()) {
            DeviceOnRouter device = DeviceOnRouter.of(infected);
            Duration toDetect = null;
            List<String> raised = new ArrayList<>();
            for (Map.Entry<AlertKey, Instant> alert : firstRaised.entrySet()) {
                if (alert.getKey().device().equals(device) && !alert.getValue().isBefore(infected.onset())) {
                    raised.add(alert.getKey().type() + " " + alert.getKey().dedupKey());
                    Duration after = Duration.between(infected.onset(), alert.getValue());
                    if (alert.getKey().type() == EXPECTED.get(infected.infection())
                            && (toDetect == null || after.compareTo(toDetect) < 0)) {
                        toDetect = after;
                    }
                }
            }
            report.append(String.format(Locale.ROOT, "%-36s %-13s %-9s %-14s %s%n", infected.infection(),
                    infected.kind(), toDetect != null ? "yes" : "NO",
                    toDetect == null ? "-" : toDetect.toSeconds() + " s", raised));
            if (toDetect == null || toDetect.compareTo(MAX_TIME_TO_DETECT) > 0) {
                problems.add(infected.infection() + " on "
                        + (infected.mac() == null ? "the router " + infected.routerId()
                        : infected.mac()) + " not flagged as "
                        + EXPECTED.get(infected.infection()) + " within " + MAX_TIME_TO_DETECT.toSeconds() + " s");
            }
        }

        Map<String, Integer> falseByType = new TreeMap<>();
        List<String> falseAlerts = new ArrayList<>();
        for (Map.Entry<AlertKey, Instant> alert : firstRaised.entrySet()) {
            // Only hijacked routers are labelled: an alert about any other router is false.
            LabelledDevice device = truth.get(alert.getKey().device());
            boolean benign = device == null || !device.isInfected() || alert.getValue().isBefore(device.onset());
            if (benign) {
                falseByType.merge(alert.getKey().type().name(), 1, Integer::sum);
                falseAlerts.add((device == null ? "ROUTER " + alert.getKey().device().routerId()
                        : device.kind() + " " + device.mac()) + ": " + alert.getKey().type() + " "
                        + alert.getKey().dedupKey() + " at " + alert.getValue() + " "
                        + firstFinding.get(alert.getKey()).evidence());
            }
        }
        // Routers are devices of the household too: their days count as exposure to false alarms.
        double deviceDays = fleet.benignDeviceDays() + fleet.benignRouterDays();
        double falsePerThousand = falseAlerts.size() * 1000 / deviceDays;
        report.append(String.format(Locale.ROOT, "False alerts: %d over %.0f benign device-days (%.0f of them routers')"
                + " = %.2f per 1,000 device-days %s%n", falseAlerts.size(), deviceDays, fleet.benignRouterDays(),
                falsePerThousand, falseByType));
        falseAlerts.forEach(a -> report.append("  false alert: ").append(a).append('\n'));
        System.out.println(report);

        assertTrue(deviceDays >= 1000, "simulate at least 1,000 benign device-days, not " + deviceDays);
        assertTrue(falsePerThousand <= MAX_FALSE_ALERTS_PER_1000_DEVICE_DAYS,
                "too many false alerts: " + falsePerThousand + " per 1,000 device-days");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    static DetectionEngine allDetectors() {
        DestinationPopularity popularity = new DestinationPopularity();
        RouterResolvers routerResolvers = new RouterResolvers();
        List<RouterDetector> routerDetectors = List.of(
                new RouterDnsHijackDetector(ScenarioFleet.PROVIDER_RESOLVERS, ThreatIntel.bundled()), routerResolvers);
        return new DetectionEngine(detectors(popularity, routerResolvers), routerDetectors, popularity);
    }

    /** Every device detector as the application has them, sharing the fleet's destination popularity. */
    static List<Detector> detectors(DestinationPopularity popularity, RouterResolvers routerResolvers) {
        return List.of(
                new KnownBadDestinationDetector(ThreatIntel.bundled()),
                new ScanningDetector(Thresholds.defaults()),
                new BruteForceDetector(Thresholds.defaults()),
                new InboundBruteForceDetector(Thresholds.defaults()),
                new DgaDetector(Thresholds.defaults()),
                new BeaconingDetector(popularity, Thresholds.defaults(),
                        BeaconingDetector.knownResolvers(ScenarioFleet.PROVIDER_RESOLVERS), routerResolvers,
                        DeviceStates.DEFAULT_CAPACITY),
                new VolumeAnomalyDetector(popularity),
                new DnsBypassDetector(),
                new PeerAnomalyDetector(new PeerGroups(VENDORS, new DeviceTypeGuesser()),
                        new PeerDestinations(), popularity));
    }

    /** A device behind a router; no MAC stands for the router itself. */
    private record DeviceOnRouter(UUID routerId, MacAddress mac) {
        static DeviceOnRouter of(LabelledDevice device) {
            return new DeviceOnRouter(device.routerId(), device.mac() == null ? null : MacAddress.of(device.mac()));
        }
    }

    private record AlertKey(DeviceOnRouter device, AlertType type, String dedupKey) {
    }
}
