package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.TelemetryEvent;

/**
 * Replays generated captures of real malware families and of ordinary devices through every
 * detector, in batches of ten seconds as routers send them, and prints a table: detected or not,
 * time to detect, false alerts. Every malicious case must be flagged as what it is within its
 * limit; the ordinary devices must raise nothing. Popular services are made popular the way the
 * fleet makes them: other households contact them too.
 */
class DetectionEvalTest {

    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");
    private static final String MAC = "3C:84:6A:12:34:56";
    private static final Duration BATCH = Duration.ofSeconds(10);
    /** Networks of services every household uses: streaming, updates, speaker and camera clouds. */
    private static final String[] POPULAR = { "142.250.74.", "20.190.159.", "52.94.233.", "54.239.28.", "13.107.4.",
            "23.215.0.", "151.101.1.", "52.46.130." };

    /** Names of trackers and ad servers that ad-blocking resolvers refuse; every household's devices ask for them. */
    private static final String[] TRACKERS = { "graph.facebook.com", "app-measurement.com",
            "googleads.g.doubleclick.net",
            "settings.crashlytics.com", "api.mixpanel.com", "sdk.iad-01.braze.com", "t.appsflyer.com",
            "app.adjust.com", "api2.branch.io", "ads.mopub.com", "pixel.adsafeprotected.com",
                    "sb.scorecardresearch.com",
            "securepubads.g.doubleclick.net", "analytics.tiktok.com", "bat.bing.com", "static.hotjar.com",
            "samsungads.com", "log.tv-telemetry-cloud.com", "ads.smartclip.net", "track.adform.net" };
    private static final String[] SITES = { "www.wikipedia.org", "www.spiegel.de", "www.bbc.co.uk", "www.amazon.de",
            "www.youtube.com", "mail.google.com", "outlook.office365.com", "www.netflix.com", "www.ebay.de",
            "www.tagesschau.de", "www.zalando.de", "open.spotify.com" };

    private record Case(String name, AlertType expected, Duration limit, Duration length, List<TelemetryEvent> events) {
    }

    /** The speeds of a slow DGA bot and how soon each must be flagged. */
    private enum DgaSpeed {
        EVERY_10_S("1 / 10 s", 10, Duration.ofMinutes(10)),
        EVERY_MINUTE("1 / min", 60, Duration.ofMinutes(30)),
        EVERY_5_MIN("1 / 5 min", 300, Duration.ofHours(2));

        final String label;
        final int everySeconds;
        final Duration limit;

        DgaSpeed(String label, int everySeconds, Duration limit) {
            this.label = label;
            this.everySeconds = everySeconds;
            this.limit = limit;
        }
    }

    @Test
    void everyFamilyIsCaughtInTimeAndOrdinaryDevicesStayQuiet() {
        List<Case> malicious = List.of(
                new Case("Mirai telnet scan", AlertType.SCANNING, Duration.ofSeconds(60), Duration.ofMinutes(5),
                        mirai(1)),
                new Case("Gafgyt telnet scan", AlertType.SCANNING, Duration.ofSeconds(60), Duration.ofMinutes(5),
                        gafgyt(2)),
                new Case("Hide-and-Seek scan", AlertType.SCANNING, Duration.ofSeconds(60), Duration.ofMinutes(5),
                        hideAndSeek(3)),
                new Case("Mozi scan and DHT", AlertType.SCANNING, Duration.ofSeconds(60), Duration.ofMinutes(5),
                        mozi(4)),
                new Case("HTTPS C2, 30 s sleep, 30% jitter", AlertType.C2_BEACONING, Duration.ofMinutes(10),
                        Duration.ofMinutes(30), cobaltStrike(5, 30, 0.3)),
                new Case("HTTPS C2, 5 min sleep, 20% jitter", AlertType.C2_BEACONING, Duration.ofMinutes(90),
                        Duration.ofHours(3), cobaltStrike(6, 300, 0.2)),
                new Case("slow SSH brute force on 2222", AlertType.BRUTE_FORCE, Duration.ofMinutes(15),
                        Duration.ofMinutes(30), slowSsh(7)),
                new Case("LAN ping sweep", AlertType.SCANNING, Duration.ofSeconds(60), Duration.ofMinutes(5),
                        pingSweep()),
                new Case("inbound SSH on forwarded 22, botnet, 1 / 2 min",
                        AlertType.INBOUND_BRUTE_FORCE, Duration.ofHours(1), Duration.ofHours(2), distributedSsh(8)),
                new Case("inbound RDP on forwarded 3389, one host", AlertType.INBOUND_BRUTE_FORCE,
                        Duration.ofSeconds(60), Duration.ofMinutes(5), rdpGuessing(9)),
                new Case("inbound NAS login on forwarded 5001, botnet, 1/min",
                        AlertType.INBOUND_BRUTE_FORCE, Duration.ofHours(1), Duration.ofHours(2), nasLoginGuessing(10)));
        List<Case> dga = new ArrayList<>();
        long seed = 100;
        for (DgaFamilies.Family family : DgaFamilies.all()) {
            for (DgaSpeed speed : DgaSpeed.values()) {
                dga.add(new Case("DGA " + family.name() + ", " + speed.label, AlertType.DGA_LOOKUPS, speed.limit,
                        speed.limit.plus(speed.limit.dividedBy(2)),
                                dga(seed++, speed.everySeconds, family.generator())));
            }
        }
        malicious = new ArrayList<>(malicious);
        malicious.addAll(dga);
        List<Case> benign = List.of(
                new Case("Windows PC browsing and updating", null, null, Duration.ofHours(6), windowsPc(11)),
                new Case("NAS backing up offsite", null, null, Duration.ofHours(6), nasBackup(12)),
                new Case("smart speaker heartbeats", null, null, Duration.ofHours(6),
                        heartbeat(13, "52.94.233.", 30, 0.05)),
                new Case("camera cloud heartbeats", null, null, Duration.ofHours(6),
                        heartbeat(14, "52.46.130.", 60, 0.1)),
                new Case("phone behind ad-blocking resolver", null, null, Duration.ofHours(6), adBlockedPhone(15)),
                new Case("TV streaming", null, null, Duration.ofHours(6), tvStreaming(16)),
                new Case("household behind Pi-hole-like blocking (3 devices)", null, null, Duration.ofHours(6),
                        piHoleHousehold(17)),
                new Case("forwarded web server and its visitors", null, null, Duration.ofHours(6), webServer(18)),
                new Case("forwarded Minecraft server with players", null, null, Duration.ofHours(6),
                        gameServer(19)),
                new Case("NAS reached from the owner's phone", null, null, Duration.ofHours(6), nasFromPhone(20)),
                new Case("home server's SSH used by its owner", null, null, Duration.ofHours(6),
                        ownersSsh(21)));

        List<String> problems = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-52s %-9s %-15s %-10s %s%n", "case",
                "detected", "time to detect", "limit", "other or false alerts"));
        for (Case c : malicious) {
            List<Finding> raised = new ArrayList<>();
            Duration toDetect = replay(c, raised);
            long wrong = raised.stream().filter(f -> f.type() != c.expected()).count();
            table.append(String.format(Locale.ROOT, "%-52s %-9s %-15s %-10s %d%n", c.name(),
                    toDetect != null ? "yes" : "NO",
                    toDetect == null ? "-" : toDetect.toSeconds() + " s", c.limit().toSeconds() + " s", wrong));
            if (toDetect == null || toDetect.compareTo(c.limit()) > 0) {
                problems.add(c.name() + " not flagged as " + c.expected() + " within " + c.limit());
            }
        }
        for (Case c : benign) {
            List<Finding> raised = new ArrayList<>();
            replay(c, raised);
            table.append(String.format(Locale.ROOT, "%-52s %-9s %-15s %-10s %d%n", c.name(), "-", "-", "-",
                    raised.size()));
            raised.forEach(f -> problems.add(c.name() + ": false alert " + f.type() + " " + f.evidence()));
        }
        System.out.println(table);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Plays the case in ten-second batches; the time from its start to the first alert of the expected type. */
    private static Duration replay(Case c, List<Finding> raised) {
        DetectionEngine engine = DetectionReportTest.allDetectors();
        UUID router = UUID.randomUUID();
        fleetUses(engine);
        List<TelemetryEvent> events = new ArrayList<>(c.events());
        events.sort(Comparator.comparing(DetectionEvalTest::timeOf));
        Duration toDetect = null;
        int next = 0;
        for (Instant end = T0.plus(BATCH); !end.isAfter(T0.plus(c.length()).plus(BATCH)); end = end.plus(BATCH)) {
            List<TelemetryEvent> batch = new ArrayList<>();
            while (next < events.size() && timeOf(events.get(next)).isBefore(end)) {
                batch.add(events.get(next++));
            }
            if (batch.isEmpty()) {
                continue;
            }
            for (Finding f : engine.inspect(router, batch, end)) {
                raised.add(f);
                if (toDetect == null && f.type() == c.expected()) {
                    toDetect = Duration.between(T0, end);
                }
            }
        }
        return toDetect;
    }

    /** Forty other households use the popular services and look up their names over the day, as a real fleet does. */
    private static void fleetUses(DetectionEngine engine) {
        for (int household = 0; household < 40; household++) {
            List<TelemetryEvent> events = new ArrayList<>();
            for (String network : POPULAR) {
                events.add(flow("tcp", network + (10 + household), 443, 2_000, 30_000, 10, 25, T0.minusSeconds(600),
                        900L));
            }
            for (String name : TRACKERS) {
                events.add(new DnsEvent(MAC, name, "A", "NOERROR", List.of(), T0.minusSeconds(600)));
            }
            for (String name : SITES) {
                events.add(new DnsEvent(MAC, name, "A", "NOERROR", List.of(), T0.minusSeconds(600)));
            }
            engine.inspect(UUID.randomUUID(), events, T0.minusSeconds(590));
        }
    }

    // --- Malicious captures. Each generator follows the published description named in its comment.

    /** Antonakakis et al., "Understanding the Mirai Botnet" (USENIX Security 2017): SYNs to random IPv4 addresses,
     * port 23 nine times in ten, else 2323, the TCP sequence number set to the target address. */
    private static List<TelemetryEvent> mirai(long seed) {
        Random r = new Random(seed);
        List<TelemetryEvent> out = new ArrayList<>();
        for (int i = 0; i < 5 * 60 * 4; i++) {
            String ip = randomPublicIp(r);
            out.add(new FlowEvent(MAC, "tcp", ip, r.nextInt(10) == 0 ? 2323 : 23, 60, 0, 1, 0,
                    T0.plusMillis(i * 250L), 0L, AddressBits.ipv4(ip)));
        }
        return out;
    }

    /** Gafgyt (BASHLITE) as Unit 42 and Netlab describe it: telnet scanning of random addresses with ordinary
     * sequence numbers, some targets answering with a reset. */
    private static List<TelemetryEvent> gafgyt(long seed) {
        Random r = new Random(seed);
        List<TelemetryEvent> out = new ArrayList<>();
        for (int i = 0; i < 5 * 60 * 2; i++) {
            out.add(flow("tcp", randomPublicIp(r), r.nextBoolean() ? 23 : 22, 60, r.nextInt(4) == 0 ? 40 : 0,
                    1, r.nextInt(4) == 0 ? 1 : 0, T0.plusMillis(i * 500L), 0L));
        }
        return out;
    }

    /** Hide-and-Seek (Bitdefender, 2018): scans 23, 80 and 8080 of random addresses, one target a second. */
    private static List<TelemetryEvent> hideAndSeek(long seed) {
        Random r = new Random(seed);
        int[] ports = { 23, 80, 8080 };
        List<TelemetryEvent> out = new ArrayList<>();
        for (int i = 0; i < 5 * 60; i++) {
            out.add(flow("tcp", randomPublicIp(r), ports[r.nextInt(3)], 60, 0, 1, 0, T0.plusSeconds(i), 0L));
        }
        return out;
    }

    /** Mozi (Netlab 360, 2019): DHT peers over UDP, and telnet plus exploit ports (52869, 37215) scanned. */
    private static List<TelemetryEvent> mozi(long seed) {
        Random r = new Random(seed);
        int[] ports = { 23, 52869, 37215, 8080 };
        List<TelemetryEvent> out = new ArrayList<>();
        for (int i = 0; i < 5 * 60; i++) {
            out.add(flow("tcp", randomPublicIp(r), ports[r.nextInt(4)], 60, 0, 1, 0, T0.plusSeconds(i), 0L));
            out.add(flow("udp", randomPublicIp(r), 6881, 120, 300, 1, 1, T0.plusSeconds(i).plusMillis(500), 50L));
        }
        return out;
    }

    /** Cobalt Strike's documented beacon: sleep {@code sleep} seconds, each shortened by a random share up to
     * {@code jitter}; a small HTTPS check-in to one rarely used server. */
    private static List<TelemetryEvent> cobaltStrike(long seed, int sleep, double jitter) {
        Random r = new Random(seed);
        List<TelemetryEvent> out = new ArrayList<>();
        double t = 0;
        while (t < 3 * 3600) {
            out.add(flow("tcp", "185.225.19.44", 443, 900 + r.nextInt(200), 1_200 + r.nextInt(300), 8, 7,
                    T0.plusMillis((long) (t * 1000)), 400L));
            t += sleep * (1 - jitter * r.nextDouble());
        }
        return out;
    }

    /** Low-and-slow SSH guessing on a non-standard port: one login attempt every 15 to 25 s, each a few kilobytes. */
    private static List<TelemetryEvent> slowSsh(long seed) {
        Random r = new Random(seed);
        List<TelemetryEvent> out = new ArrayList<>();
        double t = 0;
        while (t < 30 * 60) {
            out.add(flow("tcp", "198.51.100.201", 2222, 2_100 + r.nextInt(120), 2_600 + r.nextInt(120), 16, 14,
                    T0.plusMillis((long) (t * 1000)), 3_000L));
            t += 15 + 10 * r.nextDouble();
        }
        return out;
    }

    /** A worm's ping sweep of its own /24 (as nmap -sn does), five hosts a second. */
    private static List<TelemetryEvent> pingSweep() {
        List<TelemetryEvent> out = new ArrayList<>();
        for (int host = 1; host < 255; host++) {
            out.add(flow("icmp", "192.168.1." + host, null, 84, host % 7 == 0 ? 84 : 0, 1, host % 7 == 0 ? 1 : 0,
                    T0.plusMillis(host * 200L), 0L));
        }
        return out;
    }

    /**
     * A distributed SSH campaign against a port forwarded to a home server, as honeypot studies describe them
     * (Owens and Matthews, "A Study of Passwords and Methods Used in Brute-Force SSH Attacks"; the 2021-2023
     * reports on the Chinese/Russian-hosted botnets that hit exposed port 22 around the clock): the addresses of
     * a large pool take turns, each trying a password or two, so no one address stands out; about one attempt
     * every two minutes reaches one home. Each failed attempt is a key exchange and one password prompt: a few
     * kilobytes each way, over in seconds.
     */
    private static List<TelemetryEvent> distributedSsh(long seed) {
        Random r = new Random(seed);
        String[] pool = new String[400];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = randomPublicIp(r);
        }
        List<TelemetryEvent> out = new ArrayList<>();
        for (double t = 0; t < 2 * 3600; t += 60 + 120 * r.nextDouble()) {
            out.add(inbound(pool[r.nextInt(pool.length)], 22, 1_900 + r.nextInt(250), 2_300 + r.nextInt(250),
                    T0.plusMillis((long) (t * 1000)), 2_000L + r.nextInt(4_000)));
        }
        return out;
    }

    /**
     * RDP guessing from one host, as the NLBrute and Crysis/Dharma operators' tools do against exposed port 3389
     * (Sophos, "RDP exposed: the wolves already at your door", 2019): several threads, a new connection for every
     * password, one or two a second, a TLS handshake and a refused CredSSP exchange each.
     */
    private static List<TelemetryEvent> rdpGuessing(long seed) {
        Random r = new Random(seed);
        String attacker = randomPublicIp(r);
        List<TelemetryEvent> out = new ArrayList<>();
        for (double t = 0; t < 5 * 60; t += 0.5 + 2 * r.nextDouble()) {
            out.add(inbound(attacker, 3389, 3_800 + r.nextInt(400), 2_900 + r.nextInt(400),
                    T0.plusMillis((long) (t * 1000)),
                    600L + r.nextInt(900)));
        }
        return out;
    }

    /**
     * A NAS's web login on a forwarded port guessed by a botnet, as Synology described the 2021 StealthWorker
     * campaign (Synology-SA-21:04): thousands of infected hosts each posting a few passwords to the DSM login on
     * 5000/5001, about one attempt a minute reaching one NAS. Each attempt is one HTTPS request refused alike.
     */
    private static List<TelemetryEvent> nasLoginGuessing(long seed) {
        Random r = new Random(seed);
        List<TelemetryEvent> out = new ArrayList<>();
        for (double t = 0; t < 2 * 3600; t += 30 + 60 * r.nextDouble()) {
            out.add(inbound(randomPublicIp(r), 5001, 5_200 + r.nextInt(300), 1_700 + r.nextInt(200),
                    T0.plusMillis((long) (t * 1000)), 300L + r.nextInt(700)));
        }
        out.addAll(nasBackup(seed + 1));
        return out;
    }

    /** A bot looking up one generated name every {@code everySeconds}, none of which exists. */
    private static List<TelemetryEvent> dga(long seed, int everySeconds, java.util.function.Function<Random,
            String> names) {
        Random r = new Random(seed);
        List<TelemetryEvent> out = new ArrayList<>();
        for (int i = 0; i * everySeconds < 3 * 3600; i++) {
            out.add(new DnsEvent(MAC, names.apply(r), "A", "NXDOMAIN", List.of(),
                    T0.plusSeconds((long) i * everySeconds)));
        }
        return out;
    }

    // --- Ordinary devices.

    private static List<TelemetryEvent> windowsPc(long seed) {
        Random r = new Random(seed);
        List<TelemetryEvent> out = new ArrayList<>();
        for (double t = 0; t < 6 * 3600; t += 1 + r.nextDouble() * 20) {
            Instant at = T0.plusMillis((long) (t * 1000));
            out.add(flow("tcp", POPULAR[r.nextInt(POPULAR.length)] + (10 + r.nextInt(40)), 443, 800 + r.nextInt(6_000),
                    2_000 + r.nextInt(400_000), 10, 40, at, (long) r.nextInt(30_000)));
            out.add(flow("udp", "192.0.2.53", 53, 70, 130, 1, 1, at, 15L));
        }
        return out;
    }

    private static List<TelemetryEvent> nasBackup(long seed) {
        Random r = new Random(seed);
        List<TelemetryEvent> out = new ArrayList<>();
        for (int i = 0; i < 6 * 6; i++) {
            out.add(flow("tcp", "203.0.113.150", 443, 40_000_000L + r.nextInt(5_000_000), 200_000, 30_000, 8_000,
                    T0.plusSeconds(i * 600L), 600_000L));
        }
        return out;
    }

    private static List<TelemetryEvent> heartbeat(long seed, String network, int every, double jitter) {
        Random r = new Random(seed);
        List<TelemetryEvent> out = new ArrayList<>();
        for (double t = 0; t < 6 * 3600; t += every * (1 + jitter * (2 * r.nextDouble() - 1))) {
            out.add(flow("tcp", network + (10 + r.nextInt(4)), 443, 400, 300, 4, 3, T0.plusMillis((long) (t * 1000)),
                    200L));
        }
        return out;
    }

    private static List<TelemetryEvent> adBlockedPhone(long seed) {
        Random r = new Random(seed);
        List<TelemetryEvent> out = new ArrayList<>();
        for (double t = 0; t < 6 * 3600; t += 2 + r.nextDouble() * 40) {
            out.add(new DnsEvent(MAC, TRACKERS[r.nextInt(TRACKERS.length)], "A", "NXDOMAIN", List.of(),
                    T0.plusMillis((long) (t * 1000))));
        }
        return out;
    }

    /**
     * A household whose router blocks ads and trackers for every device, as Pi-hole does: the phone, the TV and the
     * laptop get NXDOMAIN for popular trackers and for a few obscure ones of the blocklist that no other household
     * asks for (the TV maker's own telemetry, a small analytics vendor), besides their ordinary lookups and a typo.
     */
    private static List<TelemetryEvent> piHoleHousehold(long seed) {
        Random r = new Random(seed);
        String[] macs = { MAC, "A4:77:33:10:20:30", "F0:18:98:AA:BB:CC" };
        String[] obscure = { "metrics.hbbtv-portal-stats.eu", "cdn.tvguide-adserve.net", "beacon.lgtvsdp-logs.com",
                "collect.appdynamic-insights.io", "events.minimal-analytics.de", "px.retargetly-pixel.com",
                "stats.smarthome-usage.cloud", "tr.mailtrack-opens.net" };
        List<TelemetryEvent> out = new ArrayList<>();
        for (double t = 0; t < 6 * 3600; t += 1 + r.nextDouble() * 15) {
            String mac = macs[r.nextInt(macs.length)];
            Instant at = T0.plusMillis((long) (t * 1000));
            int what = r.nextInt(10);
            if (what < 5) {
                out.add(new DnsEvent(mac, SITES[r.nextInt(SITES.length)], "A", "NOERROR", List.of("203.0.113.80"), at));
            } else if (what < 9) {
                out.add(new DnsEvent(mac, TRACKERS[r.nextInt(TRACKERS.length)], "A", "NXDOMAIN", List.of(), at));
            } else {
                out.add(new DnsEvent(mac, obscure[r.nextInt(obscure.length)], "A", "NXDOMAIN", List.of(), at));
            }
            if (r.nextInt(400) == 0) {
                out.add(new DnsEvent(mac, "www.wikipeda.org", "A", "NXDOMAIN", List.of(), at));
            }
        }
        return out;
    }

    private static List<TelemetryEvent> tvStreaming(long seed) {
        Random r = new Random(seed);
        List<TelemetryEvent> out = new ArrayList<>();
        for (int i = 0; i < 6 * 60; i++) {
            out.add(flow("tcp", "151.101.1." + (10 + r.nextInt(8)), 443, 30_000, 60_000_000L, 900, 42_000,
                    T0.plusSeconds(i * 60L), 60_000L));
        }
        return out;
    }

    /**
     * A small web server behind a port forward (a blog, a photo gallery): visitors from anywhere, each fetching a page
     * and its images over a connection or two, sizes spread over orders of magnitude as pages do; crawlers among them.
     */
    private static List<TelemetryEvent> webServer(long seed) {
        Random r = new Random(seed);
        List<TelemetryEvent> out = new ArrayList<>();
        for (double t = 0; t < 6 * 3600; t += r.nextDouble() * 40) {
            String visitor = randomPublicIp(r);
            Instant at = T0.plusMillis((long) (t * 1000));
            int connections = 1 + r.nextInt(3);
            for (int c = 0; c < connections; c++) {
                long served = (long) Math.exp(7 + 3.5 * r.nextDouble());
                out.add(inbound(visitor, 443, served + 3_000, 600 + r.nextInt(1_500), at.plusMillis(c * 150L),
                        200L + r.nextInt(15_000)));
            }
        }
        return out;
    }

    /**
     * A Minecraft server for friends behind a forwarded 25565: players stay for an hour or two; their clients ping
     * the server from the server list a few times before joining (a small status exchange).
     */
    private static List<TelemetryEvent> gameServer(long seed) {
        Random r = new Random(seed);
        String[] players = new String[8];
        for (int i = 0; i < players.length; i++) {
            players[i] = randomPublicIp(r);
        }
        List<TelemetryEvent> out = new ArrayList<>();
        for (double t = 0; t < 6 * 3600; t += 600 + r.nextDouble() * 1_800) {
            String player = players[r.nextInt(players.length)];
            Instant at = T0.plusMillis((long) (t * 1000));
            for (int ping = 0; ping < 1 + r.nextInt(4); ping++) {
                out.add(inbound(player, 25565, 1_400 + r.nextInt(200), 40, at.plusSeconds(ping * 5L), 80L));
            }
            long session = 1_800_000L + r.nextInt(5_400_000);
            out.add(inbound(player, 25565, 30_000_000L + r.nextInt(20_000_000), 3_000_000L, at.plusSeconds(30),
                    session));
        }
        return out;
    }

    /**
     * A NAS the owner's phone reaches over the forwarded DSM port: the photo app syncing, files opened now and then.
     */
    private static List<TelemetryEvent> nasFromPhone(long seed) {
        Random r = new Random(seed);
        String phone = randomPublicIp(r);
        List<TelemetryEvent> out = new ArrayList<>();
        for (double t = 0; t < 6 * 3600; t += 300 + r.nextDouble() * 2_400) {
            Instant at = T0.plusMillis((long) (t * 1000));
            for (int c = 0; c < 2 + r.nextInt(10); c++) {
                out.add(inbound(phone, 5001, 1_000 + r.nextInt(60_000), 800 + r.nextInt(4_000_000),
                        at.plusSeconds(c * 3L),
                        300L + r.nextInt(20_000)));
            }
        }
        out.addAll(nasBackup(seed + 1));
        return out;
    }

    /**
     * A home server's SSH on 22 used by its owner: a few logins a day, and a laptop's git fetching every ten minutes.
     */
    private static List<TelemetryEvent> ownersSsh(long seed) {
        Random r = new Random(seed);
        String office = randomPublicIp(r);
        List<TelemetryEvent> out = new ArrayList<>();
        for (int i = 0; i < 6 * 6; i++) {
            out.add(inbound(office, 22, 3_100 + r.nextInt(200), 2_400 + r.nextInt(200),
                    T0.plusSeconds(i * 600L + r.nextInt(20)),
                    1_500L + r.nextInt(1_000)));
        }
        for (int i = 0; i < 4; i++) {
            out.add(inbound(office, 22, 80_000 + r.nextInt(400_000), 20_000, T0.plusSeconds(3_000L + i * 4_000L),
                    900_000L));
        }
        return out;
    }

    private static String randomPublicIp(Random r) {
        while (true) {
            long ip = r.nextLong() & 0xffffffffL;
            if (AddressBits.isExternalV4(ip)) {
                return AddressBits.v4Text(ip);
            }
        }
    }

    private static FlowEvent flow(String protocol, String ip, Integer port, long bytesOut, long bytesIn,
            long packetsOut,
            long packetsIn, Instant start, Long durationMs) {
        return new FlowEvent(MAC, protocol, ip, port, bytesOut, bytesIn, packetsOut, packetsIn, start, durationMs);
    }

    /**
     * A connection {@code remote} opened to the device's {@code port} through a port forward; sizes are the device's.
     */
    private static FlowEvent inbound(String remote, int port, long bytesOut, long bytesIn, Instant start,
            Long durationMs) {
        return FlowEvent.inbound(MAC, "tcp", remote, 32_768
                + Math.floorMod(remote.hashCode() + start.getNano(), 28_000),
                "192.168.1.20", port, bytesOut, bytesIn, Math.max(4, bytesOut / 1_200), Math.max(4, bytesIn / 1_200),
                        start,
                durationMs);
    }

    private static Instant timeOf(TelemetryEvent event) {
        return event instanceof FlowEvent f ? f.start() : ((DnsEvent) event).at();
    }
}
