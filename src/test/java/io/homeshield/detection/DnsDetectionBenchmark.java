package io.homeshield.detection;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import io.homeshield.intel.rpz.BlockedNames;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.TelemetryEvent;

/**
 * The detection stage's cost on DNS-heavy batches, in CPU nanoseconds per event: every device
 * detector in one engine, and each detector alone. Batches are what a router's ten seconds look
 * like in a busy home: 400 lookups and 100 connections of 12 devices, names drawn from a pool that
 * repeats as real lookups do (popular services, CDN edges with random labels, local and reverse
 * names, blocked trackers, typos), for 1,000 routers; each detector alone is measured with the
 * engine's own cost (grouping by device) included, shown on its own line. Runs in well under two minutes.
 *
 * <pre>
 * ./mvnw -Pbenchmark test-compile
 * java -cp "target/classes:target/test-classes:$(./mvnw -q -o dependency:build-classpath
 * -Dmdep.outputFile=/dev/stdout)" \
 *     io.homeshield.detection.DnsDetectionBenchmark
 * </pre>
 */
public final class DnsDetectionBenchmark {

    private static final int ROUTERS = 1_000;
    private static final int DEVICES = 12;
    private static final int LOOKUPS = 400;
    private static final int FLOWS = 100;
    private static final int ROUNDS = 6;
    private static final Instant T0 = Instant.parse("2026-12-01T18:00:00Z");
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private static final String[] POPULAR = { "www.google.com", "www.youtube.com", "i.ytimg.com", "graph.facebook.com",
            "api.spotify.com", "www.netflix.com", "occ-0-2433-116.1.nflxso.net", "outlook.office365.com",
            "login.microsoftonline.com", "settings-win.data.microsoft.com", "time.apple.com", "gateway.icloud.com",
            "mesu.apple.com", "www.amazon.de", "device-metrics-us.amazon.com", "api.amazonalexa.com",
            "connectivitycheck.gstatic.com", "clients4.google.com", "www.spiegel.de", "www.tagesschau.de",
            "cdn.jsdelivr.net", "fonts.googleapis.com", "www.bbc.co.uk", "news.bbc.co.uk", "static.xx.fbcdn.net",
            "scontent-fra3-1.xx.fbcdn.net", "mqtt.googleapis.com", "a2.tuyaeu.com", "euw1.hue.philips.com",
            "api.sonos.com", "ntp.ubuntu.com", "security.ubuntu.com", "github.com", "api.github.com" };
    private static final String[] CDN = { "cloudfront.net", "akamaiedge.net", "googlevideo.com", "amazonaws.com",
            "azureedge.net", "fastly.net" };
    private static final String[] TRACKERS = { "googleads.g.doubleclick.net", "app-measurement.com", "t.appsflyer.com",
            "api2.branch.io", "sb.scorecardresearch.com", "bat.bing.com", "samsungads.com", "ads.smartclip.net" };
    private static final String[] TLDS = { "com", "net", "org", "de", "co.uk", "io", "info", "ru" };

    private static volatile int sink;

    private DnsDetectionBenchmark() {
    }

    public static void main(String[] args) {
        Random random = new Random(17);
        String[] names = namePool(random, 6_000);
        List<Batch> batches = new ArrayList<>(ROUTERS);
        for (int r = 0; r < ROUTERS; r++) {
            batches.add(batch(random, names));
        }
        int events = ROUTERS * (LOOKUPS + FLOWS);
        System.out.printf("%,d routers, batches of %d lookups and %d connections of %d devices (%,d events a round)%n",
                ROUTERS, LOOKUPS, FLOWS, DEVICES, events);

        Map<String, Detector> single = new LinkedHashMap<>();
        for (Detector d : detectors()) {
            single.put(d.getClass().getSimpleName(), d);
        }
        single.put("ResolverBlockDetector", new ResolverBlockDetector(Optional.empty(), () -> BlockedNames.EMPTY));
        System.out.printf("%-30s %12s%n", "detection stage", "ns / event");
        System.out.printf("%-30s %12.0f%n", "engine alone (no detector)",
                measure(new DetectionEngine(List.of(), List.of(), new DestinationPopularity()), batches, events));
        System.out.printf("%-30s %12.0f%n", "all device detectors", allDetectors(batches, events));
        for (Map.Entry<String, Detector> e : single.entrySet()) {
            DestinationPopularity popularity = new DestinationPopularity();
            DetectionEngine engine = new DetectionEngine(List.of(e.getValue()), List.of(), popularity);
            System.out.printf("%-30s %12.0f%n", e.getKey(), measure(engine, batches, events));
        }
    }

    private static List<Detector> detectors() {
        return new ArrayList<>(DetectionReportTest.detectors(new DestinationPopularity(), new RouterResolvers()));
    }

    private static double allDetectors(List<Batch> batches, int events) {
        DestinationPopularity popularity = new DestinationPopularity();
        List<Detector> all = new ArrayList<>(DetectionReportTest.detectors(popularity, new RouterResolvers()));
        all.add(new ResolverBlockDetector(Optional.empty(), () -> BlockedNames.EMPTY));
        return measure(new DetectionEngine(all, List.of(), popularity), batches, events);
    }

    /**
     * CPU nanoseconds per event, the fastest of the rounds after two of warming up: the least disturbed by a busy
     * machine.
     */
    private static double measure(DetectionEngine engine, List<Batch> batches, int events) {
        double[] perRound = new double[ROUNDS];
        for (int round = -2; round < ROUNDS; round++) {
            long started = CPU.getCurrentThreadCpuTime();
            int findings = 0;
            Instant at = T0.plusSeconds(10L * (round + 2));
            for (Batch b : batches) {
                findings += engine.inspect(b.routerId, b.events(at), at).size();
            }
            sink += findings;
            if (round >= 0) {
                perRound[round] = (CPU.getCurrentThreadCpuTime() - started) / (double) events;
            }
        }
        return java.util.Arrays.stream(perRound).min().orElseThrow();
    }

    /** One router's ten seconds; the events are re-timed for each round so that windows move on. */
    private record Batch(UUID routerId, String[] macs, int[] device, String[] lookups, String[] rcodes, String[] ips,
            int[] ports) {

        List<TelemetryEvent> events(Instant at) {
            List<TelemetryEvent> out = new ArrayList<>(lookups.length + ips.length);
            for (int i = 0; i < lookups.length; i++) {
                // a fresh string, as the wire reader makes for every event: no hash code cached from the last round
                out.add(new DnsEvent(macs[device[i]], new String(lookups[i]), "A", rcodes[i], List.of(),
                        at.plusMillis(i * 20L)));
            }
            for (int i = 0; i < ips.length; i++) {
                out.add(new FlowEvent(macs[device[i]], "tcp", ips[i], ports[i], 2_000, 40_000, 12, 30,
                        at.plusMillis(i * 90L), 1_500L));
            }
            return out;
        }
    }

    private static Batch batch(Random random, String[] names) {
        String[] macs = new String[DEVICES];
        for (int d = 0; d < DEVICES; d++) {
            macs[d] = String.format("02:%02X:%02X:%02X:%02X:%02X", random.nextInt(256), random.nextInt(256),
                    random.nextInt(256), random.nextInt(256), d);
        }
        int[] device = new int[Math.max(LOOKUPS, FLOWS)];
        for (int i = 0; i < device.length; i++) {
            device[i] = random.nextInt(DEVICES);
        }
        String[] lookups = new String[LOOKUPS];
        String[] rcodes = new String[LOOKUPS];
        for (int i = 0; i < LOOKUPS; i++) {
            // a few names are asked for most often, as in real traffic
            lookups[i] = names[(int) (names.length * Math.pow(random.nextDouble(), 3))];
            rcodes[i] = lookups[i].startsWith("nx-") || lookups[i].endsWith(".local") || random.nextInt(40) == 0
                    ? "NXDOMAIN" : "NOERROR";
        }
        String[] ips = new String[FLOWS];
        int[] ports = new int[FLOWS];
        for (int i = 0; i < FLOWS; i++) {
            ips[i] = (13 + random.nextInt(180)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                    + (1 + random.nextInt(254));
            ports[i] = random.nextInt(5) == 0 ? 80 : 443;
        }
        return new Batch(UUID.randomUUID(), macs, device, lookups, rcodes, ips, ports);
    }

    private static String[] namePool(Random random, int size) {
        String[] pool = new String[size];
        for (int i = 0; i < size; i++) {
            int kind = random.nextInt(100);
            if (kind < 35) {
                pool[i] = POPULAR[random.nextInt(POPULAR.length)];
            } else if (kind < 60) {
                pool[i] = label(random, 3, 10) + "." + label(random, 4, 12) + "." + TLDS[random.nextInt(TLDS.length)];
            } else if (kind < 75) {
                pool[i] = "d" + hex(random, 13) + "." + CDN[random.nextInt(CDN.length)];
            } else if (kind < 82) {
                pool[i] = TRACKERS[random.nextInt(TRACKERS.length)];
            } else if (kind < 88) {
                pool[i] = random.nextBoolean() ? label(random, 4, 10) + ".local"
                        : random.nextInt(256) + "." + random.nextInt(256) + ".168.192.in-addr.arpa";
            } else if (kind < 95) {
                pool[i] = "www." + label(random, 5, 12) + "." + label(random, 3, 8) + ".co.uk";
            } else {
                pool[i] = "nx-" + label(random, 6, 14) + "." + TLDS[random.nextInt(TLDS.length)];
            }
        }
        return pool;
    }

    private static String label(Random random, int min, int max) {
        StringBuilder out = new StringBuilder();
        int length = min + random.nextInt(max - min + 1);
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(26)));
        }
        return out.toString();
    }

    private static String hex(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit(random.nextInt(16), 16));
        }
        return out.toString();
    }
}
