package io.homeshield.telemetry.flowexport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertType;
import io.homeshield.detection.DetectionEngine;
import io.homeshield.net.IpAddress;
import io.homeshield.net.MacAddress;
import io.homeshield.telemetry.flowexport.FlowCapture.Answer;
import io.homeshield.telemetry.flowexport.FlowCapture.Connection;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.TelemetryEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The detection evaluation through the real path: each case is a capture of one LAN device,
 * written as packets, read by Debian's softflowd with the exporter settings the documentation
 * recommends and exported as IPFIX to HomeShield's collector, which maps the flows to the device
 * and hands them to the telemetry pipeline and the detectors; DNS goes in as JSON telemetry with the
 * capture's times. Prints per case: detected, time to detect including the exporter's delay, other
 * or false alerts; every malicious case must be flagged as what it is within its limit, and the
 * ordinary devices must raise nothing.
 */
@QuarkusTest
@Tag("detection-eval")
class FlowReplayEvalTest {

    /** The exporter settings docs/detection.md recommends (seconds). */
    static final List<String> EXPORTER = List.of("-t", "tcp=15", "-t", "udp=15", "-t", "icmp=15", "-t", "maxlife=60",
            "-t", "expint=10");
    private static final long IDLE_MILLIS = 15_000;
    private static final long MAX_LIFE_MILLIS = 60_000;
    private static final long EXPIRY_CHECK_MILLIS = 10_000;
    private static final IpAddress LOOPBACK = IpAddress.of("127.0.0.1");
    private static final IpAddress DEVICE = IpAddress.of("192.168.1.66");
    /** Networks of services every household uses: streaming, updates, speaker and camera clouds. */
    private static final String[] POPULAR = { "142.250.74.", "20.190.159.", "52.94.233.", "54.239.28.", "13.107.4.",
            "23.215.0.", "151.101.1.", "52.46.130.", "203.0.113." };
    private static final String[] POPULAR_NAMES = { "www.wikipedia.org", "www.spiegel.de", "www.bbc.co.uk",
            "www.amazon.de", "www.youtube.com", "mail.google.com", "outlook.office365.com", "www.netflix.com",
            "graph.facebook.com", "app-measurement.com", "googleads.g.doubleclick.net", "settings.crashlytics.com" };

    @Inject
    FlowCollector collector;

    @Inject
    FlowExporters exporters;

    @Inject
    FlowExportMetrics metrics;

    @Inject
    DetectionEngine engine;

    private record Case(String name, AlertType expected, Duration limit, Duration length,
            BiConsumer<FlowCapture, Instant> flows, BiConsumer<List<DnsEvent>, Instant> lookups) {

        Case(String name, AlertType expected, Duration limit, Duration length, BiConsumer<FlowCapture, Instant> flows) {
            this(name, expected, limit, length, flows, (l, s) -> { });
        }
    }

    private record Outcome(Duration toDetect, boolean atMost, long otherAlerts, List<String> alerts) {

        String time() {
            return toDetect == null ? "-" : (atMost ? "<= " : "") + toDetect.toSeconds() + " s";
        }
    }

    @Test
    void everyFlowCaseIsCaughtInTimeThroughSoftflowdAndOrdinaryDevicesStayQuiet() throws Exception {
        assertTrue(Softflowd.installed(), "Debian's softflowd is needed (.ci/run installs it)");
        fleetUsesPopularServices();
        List<Case> malicious = List.of(
                new Case("Mirai telnet scan", AlertType.SCANNING, Duration.ofSeconds(60), Duration.ofMinutes(5),
                        FlowReplayEvalTest::mirai),
                new Case("Gafgyt telnet scan", AlertType.SCANNING, Duration.ofSeconds(60), Duration.ofMinutes(5),
                        FlowReplayEvalTest::gafgyt),
                new Case("Hide-and-Seek scan", AlertType.SCANNING, Duration.ofSeconds(60), Duration.ofMinutes(5),
                        FlowReplayEvalTest::hideAndSeek),
                new Case("Mozi scan and DHT", AlertType.SCANNING, Duration.ofSeconds(60), Duration.ofMinutes(5),
                        FlowReplayEvalTest::mozi),
                new Case("HTTPS C2, 30 s sleep, 30% jitter", AlertType.C2_BEACONING, Duration.ofMinutes(10),
                        Duration.ofMinutes(30), (c, t0) -> cobaltStrike(c, t0, 30, 0.3, Duration.ofMinutes(30))),
                new Case("slow SSH brute force on 2222", AlertType.BRUTE_FORCE, Duration.ofMinutes(15),
                        Duration.ofMinutes(30), FlowReplayEvalTest::slowSsh),
                new Case("LAN ping sweep", AlertType.SCANNING, Duration.ofSeconds(60), Duration.ofMinutes(2),
                        FlowReplayEvalTest::pingSweep),
                new Case("DGA Conficker-like (4-9 letters), 1 / min", AlertType.DGA_LOOKUPS, Duration.ofMinutes(30),
                        Duration.ofMinutes(40), (c, t0) -> { }, FlowReplayEvalTest::confickerLookups),
                new Case("inbound SSH on forwarded 22, botnet, 1 / 2 min", AlertType.INBOUND_BRUTE_FORCE,
                        Duration.ofHours(1), Duration.ofMinutes(70), FlowReplayEvalTest::distributedSsh),
                new Case("inbound RDP on forwarded 3389, one host", AlertType.INBOUND_BRUTE_FORCE,
                        Duration.ofSeconds(60), Duration.ofMinutes(3), FlowReplayEvalTest::rdpGuessing));
        Duration ordinary = Duration.ofHours(2);
        List<Case> benign = List.of(
                new Case("Windows PC browsing and updating", null, null, ordinary,
                        (c, t0) -> windowsPc(c, t0, ordinary), (l, t0) -> browsingLookups(l, t0, ordinary)),
                new Case("NAS backing up offsite", null, null, ordinary, (c, t0) -> nasBackup(c, t0, ordinary)),
                new Case("smart speaker heartbeats", null, null, ordinary,
                        (c, t0) -> heartbeat(c, t0, ordinary, "52.94.233.", 30, 0.05)),
                new Case("TV streaming", null, null, ordinary, (c, t0) -> tvStreaming(c, t0, ordinary)),
                new Case("forwarded web server and its visitors", null, null, ordinary,
                        (c, t0) -> webServer(c, t0, ordinary)),
                new Case("IoT heartbeats (camera, thermostat)", null, null, ordinary,
                        (c, t0) -> {
                            heartbeat(c, t0, ordinary, "52.46.130.", 60, 0.1);
                            heartbeat(c, t0, ordinary, "54.239.28.", 300, 0.02);
                        }));

        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%nThrough softflowd (%s) and the IPFIX collector%n%-44s %-9s %-15s %-10s %s%n",
                String.join(" ", EXPORTER), "case", "detected", "time to detect", "limit", "other or false alerts"));
        for (Case c : malicious) {
            Outcome outcome = replay(c);
            table.append(String.format(Locale.ROOT, "%-44s %-9s %-15s %-10s %d%n", c.name(),
                    outcome.toDetect() != null ? "yes" : "NO",
                    outcome.time(), c.limit().toSeconds() + " s",
                    outcome.otherAlerts()));
            if (outcome.toDetect() == null || outcome.toDetect().compareTo(c.limit()) > 0) {
                problems.add(c.name() + " not flagged as " + c.expected() + " within " + c.limit() + ": "
                        + outcome.alerts());
            }
        }
        for (Case c : benign) {
            Outcome outcome = replay(c);
            table.append(String.format(Locale.ROOT, "%-44s %-9s %-15s %-10s %d%n", c.name(), "-", "-", "-",
                    outcome.alerts().size()));
            outcome.alerts().forEach(a -> problems.add(c.name() + ": false alert " + a));
        }
        System.out.println(table);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Plays one case for a household of its own. A malicious case is played only up to its limit: what the exporter
     * would send later, and lookups after it, are left out, so an alert at all means one within the limit. The time to
     * detect runs from the case's start to the moment the exporter would have sent the flow that completed the
     * detection (its last packet plus the idle timeout, or its start plus the longest life, plus at most one expiry
     * interval), or to the lookup's time for DNS. The alert keeps the time of the detector's latest report, so when it
     * reported more than once ("<=") the first detection came earlier.
     */
    private Outcome replay(Case c) throws Exception {
        TestHousehold home = Fixtures.household("replay-" + UUID.randomUUID());
        MacAddress mac = Fixtures.randomMac();
        post(home, Batches.of(home.routerId(), 1).host(mac.value(), DEVICE.value(), "device", true).build());
        exporters.register(home.routerId(), LOOPBACK);
        Instant start = Instant.now().minus(c.length()).minusSeconds(120)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        Instant until = c.expected() == null ? Instant.MAX : start.plus(c.limit());
        List<DnsEvent> lookups = new ArrayList<>();
        // Batches of lookups go in one after the other: the alert's first report is seen before it is repeated.
        // A benign case has no first report to time, so its lookups go in a minute's worth at a time.
        long window = c.expected() == null ? 60 : 10;
        Instant firstReport = null;
        c.lookups().accept(lookups, start);
        lookups.removeIf(d -> d.at().isAfter(until));
        long sequence = 2;
        for (int from = 0; from < lookups.size(); ) {
            Instant batchEnd = lookups.get(from).at().plusSeconds(window);
            Batches batch = Batches.of(home.routerId(), sequence++);
            int to = from;
            while (to < lookups.size() && lookups.get(to).at().isBefore(batchEnd)) {
                DnsEvent d = lookups.get(to++);
                batch.raw(Map.of("type", "dns", "mac", mac.value(), "query", d.query(), "qtype", "A", "rcode",
                        d.rcode(), "answers", d.answers(), "at", d.at().toString()));
            }
            post(home, batch.set("sentAt", batchEnd.toString()).build());
            from = to;
            if (c.expected() != null && firstReport == null) {
                firstReport = alerts(home).stream()
                        .filter(a -> a.type.equals(c.expected().name()) && a.occurrences == 1)
                        .map(a -> a.lastSeen).findFirst().orElse(null);
            }
        }

        FlowCapture capture = new FlowCapture(mac, DEVICE).exportedBy(until, IDLE_MILLIS, MAX_LIFE_MILLIS,
                EXPIRY_CHECK_MILLIS);
        c.flows().accept(capture, start);
        if (capture.packets() > 0) {
            double mappedBefore = metrics.count("homeshield.flowexport.flows", "mapped")
                    + metrics.count("homeshield.flowexport.flows", "inbound-connection");
            Path work = Files.createTempDirectory("replay");
            try {
                Softflowd.export(capture.writeTo(work.resolve("case.pcap")), capture.packets(), 10, collector.port(),
                        work, EXPORTER);
            } finally {
                try (var files = Files.list(work)) {
                    files.forEach(f -> f.toFile().delete());
                }
                Files.delete(work);
            }
            awaitSettled(() -> metrics.count("homeshield.flowexport.flows", "mapped")
                    + metrics.count("homeshield.flowexport.flows", "inbound-connection") - mappedBefore);
        }
        if (c.expected() != null) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (alerts(home).stream().noneMatch(a -> a.type.equals(c.expected().name()))
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
        List<Alert> alerts = alerts(home);
        Duration toDetect = null;
        boolean atMost = false;
        long others = 0;
        List<String> described = new ArrayList<>();
        for (Alert a : alerts) {
            described.add(a.type + " " + a.dedupKey + " " + a.evidence);
            if (c.expected() != null && a.type.equals(c.expected().name())) {
                Duration d = firstReport != null ? Duration.between(start, firstReport)
                        : Duration.between(start, a.lastSeen).plus(exporterDelay(capture, a.lastSeen));
                if (toDetect == null || d.compareTo(toDetect) < 0) {
                    toDetect = d;
                    atMost = firstReport == null && a.occurrences > 1;
                }
            } else {
                others++;
            }
        }
        return new Outcome(toDetect, atMost, others, described);
    }

    /** How long after the flow starting at {@code at} the exporter sends it; nothing for a lookup. */
    private static Duration exporterDelay(FlowCapture capture, Instant at) {
        for (Connection c : capture.connections()) {
            if (Math.abs(Duration.between(c.start(), at).toMillis()) < 1) {
                return Duration.ofMillis(Math.min(c.durationMs() + IDLE_MILLIS, MAX_LIFE_MILLIS) + EXPIRY_CHECK_MILLIS);
            }
        }
        return Duration.ZERO;
    }

    /** Waits until the collector has handed on every flow: the count stops growing, and a little longer. */
    private static void awaitSettled(java.util.function.DoubleSupplier mapped) throws InterruptedException {
        double last = -1;
        int quiet = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (quiet < 8 && System.nanoTime() < deadline) {
            double now = mapped.getAsDouble();
            quiet = now == last && now > 0 ? quiet + 1 : 0;
            last = now;
            Thread.sleep(250);
        }
    }

    /** Forty other households use the popular services and names, as the provider's fleet does. */
    private void fleetUsesPopularServices() {
        Instant at = Instant.now().minus(Duration.ofHours(3));
        for (int household = 0; household < 40; household++) {
            List<TelemetryEvent> events = new ArrayList<>();
            for (String network : POPULAR) {
                for (int host = 10; host < 60; host += 7) {
                    events.add(new FlowEvent("02:00:00:00:00:" + String.format("%02x", household), "tcp",
                            network + host, 443, 2_000, 30_000, 10, 25, at, 900L));
                }
            }
            for (String name : POPULAR_NAMES) {
                events.add(new DnsEvent("02:00:00:00:00:" + String.format("%02x", household), name, "A", "NOERROR",
                        List.of(), at));
            }
            engine.inspect(UUID.randomUUID(), events, at.plusSeconds(10));
        }
    }

    private static void post(TestHousehold home, Map<String, Object> batch) {
        given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret()).contentType(ContentType.JSON)
                .body(batch).when().post("/ingest/v1/batches").then().statusCode(202);
    }

    private static List<Alert> alerts(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>list("routerId", home.routerId()));
    }

    // --- Malicious captures, after the published descriptions named in DetectionEvalTest.

    /** Mirai: SYNs to random addresses, port 23 nine times in ten else 2323, sequence number = target address. */
    private static void mirai(FlowCapture c, Instant t0) {
        Random r = new Random(1);
        for (int i = 0; i < 5 * 60 * 4; i++) {
            long ip = randomPublicIp(r);
            c.syn(t0.plusMillis(i * 250L), text(ip), r.nextInt(10) == 0 ? 2323 : 23, Answer.NONE, ip);
        }
    }

    /** Gafgyt: telnet and SSH scanning with ordinary sequence numbers; a quarter of the targets reset. */
    private static void gafgyt(FlowCapture c, Instant t0) {
        Random r = new Random(2);
        for (int i = 0; i < 5 * 60 * 2; i++) {
            c.syn(t0.plusMillis(i * 500L), text(randomPublicIp(r)), r.nextBoolean() ? 23 : 22,
                    r.nextInt(4) == 0 ? Answer.RESET : Answer.NONE, r.nextInt());
        }
    }

    /** Hide-and-Seek: ports 23, 80 and 8080 of random addresses, one a second. */
    private static void hideAndSeek(FlowCapture c, Instant t0) {
        Random r = new Random(3);
        int[] ports = { 23, 80, 8080 };
        for (int i = 0; i < 5 * 60; i++) {
            c.syn(t0.plusSeconds(i), text(randomPublicIp(r)), ports[r.nextInt(3)], Answer.NONE, r.nextInt());
        }
    }

    /** Mozi: DHT over UDP 6881 and telnet plus exploit ports scanned. */
    private static void mozi(FlowCapture c, Instant t0) {
        Random r = new Random(4);
        int[] ports = { 23, 52869, 37215, 8080 };
        for (int i = 0; i < 5 * 60; i++) {
            c.syn(t0.plusSeconds(i), text(randomPublicIp(r)), ports[r.nextInt(4)], Answer.NONE, r.nextInt());
            c.udp(t0.plusSeconds(i).plusMillis(500), text(randomPublicIp(r)), 6881, 120, 300, 1, 1, 50);
        }
    }

    /** Cobalt Strike's beacon: sleep shortened by a random share up to {@code jitter}; a small HTTPS check-in. */
    private static void cobaltStrike(FlowCapture c, Instant t0, int sleep, double jitter, Duration length) {
        Random r = new Random(5);
        for (double t = 0; t < length.toSeconds(); t += sleep * (1 - jitter * r.nextDouble())) {
            c.tcp(t0.plusMillis((long) (t * 1000)), "185.225.19.44", 443, 900 + r.nextInt(200), 1_200 + r.nextInt(300),
                    8, 7, 400);
        }
    }

    /** Low-and-slow SSH guessing on port 2222: one login attempt every 15 to 25 s, a few kilobytes each. */
    private static void slowSsh(FlowCapture c, Instant t0) {
        Random r = new Random(7);
        for (double t = 0; t < 30 * 60; t += 15 + 10 * r.nextDouble()) {
            c.tcp(t0.plusMillis((long) (t * 1000)), "198.51.100.201", 2222, 2_100 + r.nextInt(120),
                    2_600 + r.nextInt(120), 16, 14, 3_000);
        }
    }

    /**
     * A distributed SSH campaign against a forwarded port 22: a pool of hosts taking turns, one attempt
     * every ~2 min.
     */
    private static void distributedSsh(FlowCapture c, Instant t0) {
        Random r = new Random(8);
        long[] pool = new long[400];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = randomPublicIp(r);
        }
        for (double t = 0; t < 70 * 60; t += 60 + 120 * r.nextDouble()) {
            c.inbound(t0.plusMillis((long) (t * 1000)), text(pool[r.nextInt(pool.length)]),
                    32_768 + r.nextInt(28_000), 22, 1_900 + r.nextInt(250), 2_300 + r.nextInt(250), 14, 16,
                    2_000L + r.nextInt(4_000));
        }
    }

    /** RDP guessing from one host with several threads: a new connection for every password, one or two a second. */
    private static void rdpGuessing(FlowCapture c, Instant t0) {
        Random r = new Random(9);
        String attacker = text(randomPublicIp(r));
        for (double t = 0; t < 3 * 60; t += 0.5 + 2 * r.nextDouble()) {
            c.inbound(t0.plusMillis((long) (t * 1000)), attacker, 32_768 + r.nextInt(28_000), 3389,
                    3_800 + r.nextInt(400), 2_900 + r.nextInt(400), 12, 11, 600L + r.nextInt(900));
        }
    }

    /** A worm's ping sweep of its own /24, five hosts a second; every seventh host answers. */
    private static void pingSweep(FlowCapture c, Instant t0) {
        for (int host = 1; host < 255; host++) {
            if (host != 66) {
                c.ping(t0.plusMillis(host * 200L), "192.168.1." + host, host % 7 == 0);
            }
        }
    }

    /** Conficker.C's names (SRI's analysis: 4 to 9 random letters under a few TLDs), one lookup a minute. */
    private static void confickerLookups(List<DnsEvent> out, Instant t0) {
        Random r = new Random(9);
        String[] tlds = { "com", "net", "org", "info", "biz", "ws", "cn" };
        for (int i = 0; i < 40; i++) {
            StringBuilder name = new StringBuilder();
            for (int k = 0, n = 4 + r.nextInt(6); k < n; k++) {
                name.append((char) ('a' + r.nextInt(26)));
            }
            out.add(new DnsEvent("", name + "." + tlds[r.nextInt(tlds.length)], "A", "NXDOMAIN", List.of(),
                    t0.plusSeconds(i * 60L)));
        }
    }

    // --- Ordinary devices.

    private static void windowsPc(FlowCapture c, Instant t0, Duration length) {
        Random r = new Random(11);
        for (double t = 0; t < length.toSeconds(); t += 1 + r.nextDouble() * 20) {
            Instant at = t0.plusMillis((long) (t * 1000));
            c.tcp(at, POPULAR[r.nextInt(POPULAR.length)] + (10 + r.nextInt(40)), 443, 800 + r.nextInt(6_000),
                    2_000 + r.nextInt(400_000), 8 + r.nextInt(10), 10 + r.nextInt(300), r.nextInt(30_000));
            c.udp(at, "192.0.2.53", 53, 70, 130, 1, 1, 15);
        }
    }

    private static void browsingLookups(List<DnsEvent> out, Instant t0, Duration length) {
        Random r = new Random(12);
        for (double t = 0; t < length.toSeconds(); t += 1 + r.nextDouble() * 20) {
            out.add(new DnsEvent("", POPULAR_NAMES[r.nextInt(POPULAR_NAMES.length)], "A", "NOERROR",
                    List.of("142.250.74.10"), t0.plusMillis((long) (t * 1000))));
        }
    }

    private static void nasBackup(FlowCapture c, Instant t0, Duration length) {
        Random r = new Random(13);
        for (int i = 0; i * 600L < length.toSeconds(); i++) {
            c.tcp(t0.plusSeconds(i * 600L), "203.0.113.150", 443, 40_000_000L + r.nextInt(5_000_000), 200_000, 30_000,
                    8_000, 300_000);
        }
    }

    private static void heartbeat(FlowCapture c, Instant t0, Duration length, String network, int every,
            double jitter) {
        Random r = new Random(network.hashCode());
        for (double t = 0; t < length.toSeconds(); t += every * (1 + jitter * (2 * r.nextDouble() - 1))) {
            c.tcp(t0.plusMillis((long) (t * 1000)), network + (10 + r.nextInt(4)), 443, 400, 300, 4, 3, 200);
        }
    }

    /**
     * A small web server behind a forwarded 443: visitors fetch a page and its images, sizes over orders
     * of magnitude.
     */
    private static void webServer(FlowCapture c, Instant t0, Duration length) {
        Random r = new Random(18);
        for (double t = 0; t < length.toSeconds(); t += r.nextDouble() * 40) {
            String visitor = text(randomPublicIp(r));
            for (int n = 0; n < 1 + r.nextInt(3); n++) {
                long served = (long) Math.exp(7 + 3.5 * r.nextDouble()) + 3_000;
                c.inbound(t0.plusMillis((long) (t * 1000) + n * 150L), visitor, 32_768 + r.nextInt(28_000), 443, served,
                        600 + r.nextInt(1_500), (int) Math.max(4, served / 1_400), 6, 200L + r.nextInt(15_000));
            }
        }
    }

    private static void tvStreaming(FlowCapture c, Instant t0, Duration length) {
        Random r = new Random(16);
        for (int i = 0; i * 60L < length.toSeconds(); i++) {
            // a segment a minute, in the 14 kB packets a router's bridge hands to its capture once it merges
            // received segments (GRO): the bytes of 42,000 full-size frames in a tenth of the packets
            c.tcp(t0.plusSeconds(i * 60L), "151.101.1." + (10 + r.nextInt(8)), 443, 30_000, 60_000_000L, 90, 4_200,
                    58_000);
        }
    }

    private static long randomPublicIp(Random r) {
        while (true) {
            long ip = r.nextLong() & 0xffffffffL;
            int first = (int) (ip >>> 24);
            if (first != 0 && first != 10 && first != 127 && first < 224 && first != 100 && first != 169 && first != 172
                    && first != 192 && first != 198) {
                return ip;
            }
        }
    }

    private static String text(long ip) {
        return (ip >>> 24) + "." + ((ip >>> 16) & 255) + "." + ((ip >>> 8) & 255) + "." + (ip & 255);
    }
}
