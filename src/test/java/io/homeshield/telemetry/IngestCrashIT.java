package io.homeshield.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.homeshield.testsupport.AppInstance;
import io.homeshield.testsupport.TestDatabase;

/**
 * A crash between flushes loses no acknowledged batch: routers post numbered batches to the packaged
 * application at the same time, the process is killed (SIGKILL) while batches wait in memory for
 * their store, and started again; each router resends what was not acknowledged, as routers do. At
 * the moment of the crash every acknowledged batch has its receipt and no receipt lacks its data;
 * in the end every batch's flows are in the roll-ups exactly once.
 */
class IngestCrashIT {

    private static final int ROUTERS = 24;
    private static final int BATCHES = 30;
    private static final int FLOWS = 5;
    /** The pepper AppInstance gives the application: router credentials are hashed with it. */
    private static final String PEPPER = "integration-pepper";
    private static final Map<String, String> SETTINGS = Map.of(
            "homeshield.telemetry.group-commit.flush-interval", "1s",
            "homeshield.telemetry.router-max-concurrent-batches", "4");

    private record Router(UUID id, String secret, String mac) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aCrashBetweenFlushesLosesNoAcknowledgedBatchAndAppliesNoneTwice() throws Exception {
        try (Connection db = TestDatabase.connect()) {
            List<Router> routers = routers(db);
            AtomicReference<URI> base = new AtomicReference<>();
            Map<UUID, Set<Long>> acknowledged = new ConcurrentHashMap<>();
            routers.forEach(r -> acknowledged.put(r.id(), ConcurrentHashMap.newKeySet()));
            AtomicInteger acks = new AtomicInteger();
            ExecutorService senders = Executors.newFixedThreadPool(ROUTERS);
            List<Future<?>> sending = new ArrayList<>();
            AppInstance second;
            try (AppInstance first = AppInstance.start("ingest-crash-first", SETTINGS)) {
                first.awaitStarted(Duration.ofSeconds(180));
                base.set(first.baseUri());
                for (Router router : routers) {
                    sending.add(senders.submit(() -> send(router, base, acknowledged.get(router.id()), acks)));
                }
                // some batches acknowledged, the next flush not yet due for the rest: kill it
                await().atMost(Duration.ofSeconds(120)).until(() -> acks.get() >= ROUTERS * 3);
                first.kill();
                base.set(null);
            }

            Map<UUID, Set<Long>> ackedBeforeCrash = new java.util.HashMap<>();
            acknowledged.forEach((router, sequences) -> ackedBeforeCrash.put(router, Set.copyOf(sequences)));
            int receiptsAtCrash = 0;
            for (Router router : routers) {
                Set<Long> receipts = receipts(db, router.id());
                receiptsAtCrash += receipts.size();
                assertTrue(receipts.containsAll(ackedBeforeCrash.get(router.id())),
                        "every batch acknowledged before the crash has its receipt: " + router.id());
                assertEquals((long) receipts.size() * FLOWS, flows(db, router.id()),
                        "no receipt without its data at the crash: " + router.id());
            }
            assertTrue(receiptsAtCrash < ROUTERS * BATCHES, "the crash came before every batch was stored");

            second = AppInstance.start("ingest-crash-second", SETTINGS);
            try (second) {
                second.awaitStarted(Duration.ofSeconds(180));
                base.set(second.baseUri());
                for (Future<?> sender : sending) {
                    sender.get(5, TimeUnit.MINUTES);
                }
            } finally {
                senders.shutdownNow();
            }
            for (Router router : routers) {
                assertEquals(BATCHES, acknowledged.get(router.id()).size(), "every batch acknowledged in the end");
                assertEquals(BATCHES, receipts(db, router.id()).size());
                assertEquals((long) BATCHES * FLOWS, flows(db, router.id()),
                        "every batch's flows in the hourly roll-up exactly once: " + router.id());
                assertEquals((long) BATCHES * FLOWS, connections(db, router.id()),
                        "and in the daily destinations exactly once: " + router.id());
            }
        }
    }

    /** Posts the router's batches in order; a batch not acknowledged (refused, or no answer) is sent again. */
    private Void send(Router router, AtomicReference<URI> base, Set<Long> acknowledged, AtomicInteger acks)
            throws InterruptedException {
        String authorization = "Basic " + Base64.getEncoder().encodeToString(
                (router.id() + ":" + router.secret()).getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(8);
        for (long sequence = 1; sequence <= BATCHES; sequence++) {
            // a router builds a batch once and resends the same bytes
            byte[] body = batch(router, sequence, Instant.now()).getBytes(StandardCharsets.UTF_8);
            while (true) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("router " + router.id() + " gave up at batch " + sequence);
                }
                URI at = base.get();
                if (at != null) {
                    try {
                        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(at.resolve("ingest/v1/batches"))
                                .timeout(Duration.ofSeconds(30)).header("Authorization", authorization)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (answer.statusCode() == 200 || answer.statusCode() == 202) {
                            acknowledged.add(sequence);
                            acks.incrementAndGet();
                            break;
                        }
                        if (answer.statusCode() != 503 && answer.statusCode() != 429) {
                            throw new IllegalStateException(answer.statusCode() + " " + answer.body());
                        }
                    } catch (java.io.IOException e) {
                        // the application is gone: the batch was not acknowledged, so it is sent again
                    }
                }
                Thread.sleep(200);
            }
        }
        return null;
    }

    private static String batch(Router router, long sequence, Instant sentAt) {
        StringBuilder events = new StringBuilder();
        events.append("{\"type\":\"host\",\"mac\":\"").append(router.mac())
                .append("\",\"ip\":\"192.168.1.20\",\"hostname\":\"crash-test\",\"active\":true}");
        for (int i = 0; i < FLOWS; i++) {
            events.append(",{\"type\":\"flow\",\"mac\":\"").append(router.mac()).append("\",\"protocol\":\"tcp\","
                    + "\"dstIp\":\"203.0.113.9\",\"dstPort\":443,\"bytesOut\":100,\"bytesIn\":200,\"packetsOut\":2,"
                    + "\"packetsIn\":2,\"start\":\"").append(sentAt.minusSeconds(5)).append("\",\"durationMs\":500}");
        }
        return "{\"routerId\":\"" + router.id() + "\",\"sequence\":" + sequence + ",\"sentAt\":\"" + sentAt
                + "\",\"events\":[" + events + "]}";
    }

    private static List<Router> routers(Connection db) throws Exception {
        UUID household = UUID.randomUUID();
        String run = household.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        Timestamp now = Timestamp.from(Instant.now());
        List<Router> routers = new ArrayList<>();
        try (PreparedStatement h = db.prepareStatement("insert into household (id, account_number, display_name, kind,"
                + " created_at) values (?, ?, 'Crash test', 'HOME', ?)");
                PreparedStatement r = db.prepareStatement("insert into router (id, household_id, serial_number, model,"
                        + " firmware, channel, credential_hash, credential_issued_at, created_at)"
                        + " values (?, ?, ?, 'HS-Box 7', '1.4.2', 'SIMULATED', ?, ?, ?)")) {
            h.setObject(1, household);
            h.setString(2, "IC-" + run);
            h.setTimestamp(3, now);
            h.executeUpdate();
            for (int i = 0; i < ROUTERS; i++) {
                Router router = new Router(UUID.randomUUID(), "crash-secret-" + UUID.randomUUID(),
                        String.format("02:1C:%02X:%s:%s:01", i, run.substring(0, 2), run.substring(2, 4)));
                r.setObject(1, router.id());
                r.setObject(2, household);
                r.setString(3, String.format("IC%s-%03d", run, i));
                r.setString(4, hash(router.secret()));
                r.setTimestamp(5, now);
                r.setTimestamp(6, now);
                r.executeUpdate();
                routers.add(router);
            }
        }
        return routers;
    }

    private static String hash(String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PEPPER.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static Set<Long> receipts(Connection db, UUID router) throws SQLException {
        Set<Long> out = new java.util.HashSet<>();
        try (PreparedStatement s = db.prepareStatement("select sequence from telemetry_receipt where router_id = ?")) {
            s.setObject(1, router);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static long flows(Connection db, UUID router) throws SQLException {
        return sum(db, router, "select coalesce(sum(a.flows), 0) from device_activity a");
    }

    private static long connections(Connection db, UUID router) throws SQLException {
        return sum(db, router, "select coalesce(sum(a.connections), 0) from device_destination a");
    }

    private static long sum(Connection db, UUID router, String select) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(select + " join device d on d.id = a.device_id"
                + " where d.router_id = ?")) {
            s.setObject(1, router);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
