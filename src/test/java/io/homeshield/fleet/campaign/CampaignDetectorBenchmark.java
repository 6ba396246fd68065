package io.homeshield.fleet.campaign;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * Campaign detection against the rate routers deliver configuration changes: 2,000,000 changes of
 * 200,000 routers (DNS servers mostly, a campaign among them) in batches of 1,000, through the
 * detector and, as the baseline measured in the same run, into a plain map of each router's
 * current values. Runs with the benchmark profile:
 * {@code ./mvnw -Pbenchmark verify -DskipITs -Dtest=CampaignDetectorBenchmark}.
 */
class CampaignDetectorBenchmark {

    private static final int ROUTERS = 200_000;
    private static final int CHANGES = 2_000_000;
    private static final int BATCH = 1_000;
    private static final int ROUNDS = 5;
    private static final double REQUIRED_PER_SECOND = 100_000;

    private static volatile Object sink;

    @Test
    void keepsUpWithAHundredThousandChangesPerSecond() {
        List<List<ConfigObservation>> batches = batches(changes());
        double best = 0;
        double bestBaseline = 0;
        for (int round = 0; round < ROUNDS; round++) {
            double baseline = perSecond(() -> plainMap(batches));
            double detector = perSecond(() -> detect(batches));
            bestBaseline = Math.max(bestBaseline, baseline);
            best = Math.max(best, detector);
            System.out.printf("round %d: detector %,.0f changes/s, plain map %,.0f changes/s (ratio %.2f)%n", round + 1,
                    detector, baseline, detector / baseline);
        }
        System.out.printf("best: detector %,.0f changes/s, plain map %,.0f changes/s (ratio %.2f)%n", best,
                bestBaseline, best / bestBaseline);
        assertTrue(best >= REQUIRED_PER_SECOND, "the detector handles " + (long) best + " changes/s");
    }

    private static void detect(List<List<ConfigObservation>> batches) {
        CampaignDetector detector = new CampaignDetector(DetectorSettings.defaults());
        int campaigns = 0;
        for (List<ConfigObservation> batch : batches) {
            detector.observe(batch);
            campaigns += detector.drain().size();
        }
        sink = campaigns + detector.stats().trackedChanges();
    }

    private static void plainMap(List<List<ConfigObservation>> batches) {
        Map<UUID, Map<String, String>> current = new HashMap<>();
        for (List<ConfigObservation> batch : batches) {
            for (ConfigObservation change : batch) {
                current.computeIfAbsent(change.routerId(), id -> new HashMap<>(4)).put(change.path(), change.value());
            }
        }
        sink = current.size();
    }

    private static double perSecond(Runnable run) {
        long started = System.nanoTime();
        run.run();
        return CHANGES / ((System.nanoTime() - started) / 1e9);
    }

    /** A day of changes: a fleet far busier than any real one, so that memory and key churn are exercised. */
    private static List<ConfigObservation> changes() {
        Random random = new Random(3);
        RouterGroup[] groups = { new RouterGroup("HS-Box 7", "1.4.2", "usp"), new RouterGroup("HS-Box 5", "2.1.8",
                "genieacs"), new RouterGroup("OpenWrt One", "24.10.1", "openwrt") };
        UUID[] routers = new UUID[ROUTERS];
        for (int i = 0; i < ROUTERS; i++) {
            routers[i] = new UUID(99, i);
        }
        String[] paths = { "Device.DNS.Client.Server.1.DNSServer", "Device.DNS.Client.Server.2.DNSServer",
            "Device.DHCPv4.Server.Pool.1.DNSServers", "Device.UPnP.Device.Enable", "Device.WiFi.SSID.1.SSID",
            "Device.UserInterface.RemoteAccess.Enable", "Device.ManagementServer.URL" };
        long start = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();
        long dayMillis = 24L * 3600 * 1000;
        List<ConfigObservation> out = new ArrayList<>(CHANGES);
        for (int i = 0; i < CHANGES; i++) {
            int r = random.nextInt(ROUTERS);
            String path = paths[random.nextInt(paths.length)];
            String value = switch (random.nextInt(5)) {
                case 0 -> "8.8.8.8";
                case 1 -> (random.nextInt(223) + 1) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                        + random.nextInt(256);
                case 2 -> "203.0.113." + random.nextInt(4);
                case 3 -> random.nextBoolean() ? "true" : "false";
                default -> "home-" + random.nextInt(1_000_000);
            };
            out.add(new ConfigObservation(routers[r], groups[r % groups.length], path, value,
                    Instant.ofEpochMilli(start + (long) i * dayMillis / CHANGES)));
        }
        return out;
    }

    private static List<List<ConfigObservation>> batches(List<ConfigObservation> changes) {
        List<List<ConfigObservation>> out = new ArrayList<>();
        for (int i = 0; i < changes.size(); i += BATCH) {
            out.add(changes.subList(i, Math.min(changes.size(), i + BATCH)));
        }
        return out;
    }
}
