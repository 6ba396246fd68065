package io.homeshield.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.alert.Alert;
import io.homeshield.inventory.Device;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.RouterRows;
import io.homeshield.testsupport.SmallRouterLimitsProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * A router, or whoever holds its credential, trying to poison telemetry: counters no link can
 * carry, negative or overflowing numbers, timestamps from another era, bodies beyond the limit or
 * sent before authenticating, floods of batches or of made-up devices. Each is refused with the
 * status and the field a router can act on, and leaves no row behind for the router.
 */
@QuarkusTest
@TestProfile(SmallRouterLimitsProfile.class)
class TelemetryPoisoningAttacksTest {

    private static final String INGEST = "/ingest/v1/batches";
    private static final int FLOW = 0;
    private static final int HOST = 1;
    private static final int DNS = 2;
    /** Above the 4 MiB a batch may have. */
    private static final int OVERSIZED = 5 * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    static Stream<Arguments> attacks() {
        Instant now = Instant.now();
        String future = now.plus(2, ChronoUnit.DAYS).toString();
        String ancient = "2001-01-01T00:00:00Z";
        return Stream.of(
                flow("counter at the long maximum (bytes out)", e -> e.put("bytesOut", Long.MAX_VALUE), "bytesOut"),
                flow("counter at the long maximum (bytes in)", e -> e.put("bytesIn", Long.MAX_VALUE), "bytesIn"),
                flow("counter at the long maximum (packets out)", e -> e.put("packetsOut", Long.MAX_VALUE),
                        "packetsOut"),
                flow("counter at the long maximum (packets in)", e -> e.put("packetsIn", Long.MAX_VALUE), "packetsIn"),
                flow("counter beyond the long range", e -> e.put("bytesOut", new BigInteger("99999999999999999999")),
                        "bytesOut"),
                flow("negative bytes out", e -> e.put("bytesOut", -1), "bytesOut"),
                flow("negative bytes in at the long minimum", e -> e.put("bytesIn", Long.MIN_VALUE), "bytesIn"),
                flow("negative packets out", e -> e.put("packetsOut", -5), "packetsOut"),
                flow("negative packets in", e -> e.put("packetsIn", -1), "packetsIn"),
                flow("more bytes in one second than 10 Gbit/s carry", e -> {
                    e.put("durationMs", 1_000);
                    e.put("bytesOut", 2_000_000_000L);
                }, "bytesOut"),
                flow("more bytes in one minute than 10 Gbit/s carry", e -> {
                    e.put("durationMs", 60_000);
                    e.put("bytesIn", 100_000_000_000L);
                }, "bytesIn"),
                flow("duration zero with 50 MB", e -> {
                    e.put("durationMs", 0);
                    e.put("bytesOut", 50_000_000L);
                }, "bytesOut"),
                flow("beyond the absolute per-flow cap over a day", e -> {
                    e.put("durationMs", 86_400_000L);
                    e.put("bytesOut", 2L << 40);
                }, "bytesOut"),
                flow("the longest duration to lift the line-rate ceiling", e -> {
                    e.put("durationMs", Long.MAX_VALUE);
                    e.put("bytesIn", Long.MAX_VALUE);
                }, "bytesIn"),
                flow("more packets than the bytes make as smallest frames", e -> {
                    e.put("durationMs", 1_000);
                    e.put("packetsOut", 100_000_000L);
                }, "packetsOut"),
                flow("negative duration", e -> e.put("durationMs", -1), "durationMs"),
                flow("flow starting in the future", e -> e.put("start", future), "start"),
                flow("flow from an ancient past", e -> e.put("start", ancient), "start"),
                flow("port beyond 65535", e -> e.put("dstPort", 70_000), "dstPort"),
                flow("negative SYN sequence number", e -> e.put("tcpSeq", -1), "tcpSeq"),
                flow("a direction that is neither inbound nor outbound", e -> e.put("direction", "sideways"),
                        "direction"),
                flow("an inbound flow without its remote host", e -> e.put("direction", "inbound"), "srcIp"),
                flow("an inbound tcp flow without the port it reached", e -> {
                    e.put("direction", "inbound");
                    e.put("srcIp", "198.51.100.23");
                    e.remove("dstPort");
                }, "dstPort"),
                flow("a remote host on an outbound flow", e -> e.put("srcIp", "198.51.100.23"), "srcIp"),
                flow("a remote port on an outbound flow", e -> {
                    e.put("direction", "outbound");
                    e.put("srcPort", 51234);
                }, "srcPort"),
                flow("an inbound flow's remote host that is no address", e -> {
                    e.put("direction", "inbound");
                    e.put("srcIp", "attacker.example");
                }, "srcIp"),
                flow("an inbound flow's remote port beyond 65535", e -> {
                    e.put("direction", "inbound");
                    e.put("srcIp", "198.51.100.23");
                    e.put("srcPort", 70_000);
                }, "srcPort"),
                batch("batch sent from the future", b -> b.put("sentAt", "2100-01-01T00:00:00Z"), "sentAt", 400),
                batch("batch sent at the epoch", b -> b.put("sentAt", "1970-01-01T00:00:00Z"), "sentAt", 400),
                batch("host seen in the future", b -> event(b, HOST).put("at", future), "events[1].at", 400),
                batch("lookup from an ancient past", b -> event(b, DNS).put("at", ancient), "events[2].at", 400),
                batch("negative sequence number", b -> b.put("sequence", -1), "sequence", 400),
                batch("poison behind valid events", b -> events(b).add(poisonFlow()), "events[3].bytesOut", 400),
                batch("a lookup with more answers than allowed", b -> event(b, DNS).put("answers",
                        java.util.Collections.nCopies(65, "203.0.113.9")), "events[2].answers", 400),
                batch("a batch naming another router", b -> b.put("routerId", UUID.randomUUID().toString()),
                        "routerId", 403));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void aPoisonedBatchIsRefusedWithItsFieldAndChangesNothing(String attack, Consumer<Map<String, Object>> poison,
            String field, int status) {
        TestHousehold home = Fixtures.household("poison-" + UUID.randomUUID());
        Map<String, Object> batch = validBatch(home.routerId(), 1);
        poison.accept(batch);

        as(home).body(batch).when().post(INGEST)
                .then().statusCode(status).contentType("application/problem+json")
                .body("violations.field", hasItem(field));

        assertEquals(RouterRows.none(), RouterRows.of(home.routerId()), attack);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhetherItsLengthIsDeclaredOrNot() throws Exception {
        TestHousehold home = Fixtures.household("poison-oversized");
        byte[] body = padded(home.routerId(), OVERSIZED);

        as(home).body(body).when().post(INGEST).then().statusCode(413)
                .body("type", equalTo("https://homeshield.io/problems/payload-too-large"));
        // without a length: read as it comes, refused once past the limit
        HttpResponse<String> chunked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(INGEST))
                .header("Authorization", basic(home.routerId(), home.routerSecret()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), chunked.body());
        assertEquals(RouterRows.none(), RouterRows.of(home.routerId()));
    }

    @Test
    void aGzipBombIsRefusedOnceItInflatesPastTheLimit() throws Exception {
        TestHousehold home = Fixtures.household("poison-gzip");
        byte[] inflated = padded(home.routerId(), 8 * 1024 * 1024);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(inflated);
        }
        assertTrue(compressed.size() < 100_000, "a bomb: small on the wire");

        as(home).header("Content-Encoding", "gzip").body(compressed.toByteArray()).when().post(INGEST)
                .then().statusCode(413);
        assertEquals(RouterRows.none(), RouterRows.of(home.routerId()));
    }

    @Test
    void aWrongCredentialIsRefusedBeforeTheBodyIsRead() throws Exception {
        TestHousehold home = Fixtures.household("poison-credential");
        // Three megabytes announced, a few bytes sent: the answer must come without waiting for the rest.
        String answer = rawPost(basic(home.routerId(), "not-the-secret"), 3_000_000);
        assertTrue(answer.startsWith("HTTP/1.1 401"), answer);
        assertEquals(RouterRows.none(), RouterRows.of(home.routerId()));
    }

    @Test
    void aDeclaredOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        TestHousehold home = Fixtures.household("poison-declared");
        String answer = rawPost(basic(home.routerId(), home.routerSecret()), 8_000_000);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertEquals(RouterRows.none(), RouterRows.of(home.routerId()));
    }

    @Test
    void aRouterOverItsEventsPerMinuteIsAnswered429WithRetryAfterAndItsBatchIsNotStored() {
        TestHousehold home = Fixtures.household("poison-flood");
        int eventsPerBatch = 100;
        int sequence = 0;
        ValidatableResponse refused = null;
        while (refused == null && sequence < 20) {
            sequence++;
            Batches batch = Batches.of(home.routerId(), sequence);
            for (int i = 0; i < eventsPerBatch; i++) {
                batch.flow("02:00:00:00:00:01", "203.0.113.7", 443);
            }
            ValidatableResponse answer = as(home).body(batch.build()).when().post(INGEST).then();
            if (answer.extract().statusCode() == 429) {
                refused = answer;
            } else {
                answer.statusCode(202);
            }
        }
        assertTrue(refused != null, "the flood was never limited");
        refused.contentType("application/problem+json")
                .body("type", equalTo("https://homeshield.io/problems/too-many-requests"));
        int retryAfter = Integer.parseInt(refused.extract().header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        long limited = sequence;
        int fits = SmallRouterLimitsProfile.EVENTS_PER_MINUTE / eventsPerBatch;
        // refused once the minute's events are used up; if a minute turned meanwhile, the next minute's
        assertTrue(limited == fits + 1 || limited > fits + 1 && limited <= 2 * fits + 1, "refused at batch " + limited);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Device.getEntityManager()
                .createQuery("select count(r) from TelemetryReceipt r where r.routerId = ?1 and r.sequence = ?2",
                        Long.class)
                .setParameter(1, home.routerId()).setParameter(2, limited).getSingleResult()));
    }

    @Test
    void aFloodOfMadeUpDevicesStopsAtTheCapAndIsCountedOnOneAlert() {
        TestHousehold home = Fixtures.household("poison-devices");
        int cap = SmallRouterLimitsProfile.DEVICES;
        for (int sequence = 1; sequence <= 2; sequence++) {
            Batches batch = Batches.of(home.routerId(), sequence);
            for (int i = 0; i < cap + 10; i++) {
                batch.host(Fixtures.randomMac().value(), "192.168.1." + (i + 2), null, true);
            }
            as(home).body(batch.build()).when().post(INGEST).then().statusCode(202);
        }

        assertEquals((long) cap, QuarkusTransaction.requiringNew().call(()
                -> Device.count("routerId", home.routerId())));
        List<Alert> alerts = QuarkusTransaction.requiringNew()
                .call(() -> Alert.<Alert>list("routerId = ?1 and type = 'TOO_MANY_DEVICES'", home.routerId()));
        assertEquals(1, alerts.size());
        assertEquals(null, alerts.get(0).deviceId, "about the router, not a device");
        assertEquals(10 + (cap + 10), alerts.get(0).occurrences, "every MAC beyond the cap counted");
    }

    // --- the attacks' batches

    private static Arguments flow(String attack, Consumer<Map<String, Object>> poison, String field) {
        return Arguments.of(attack, (Consumer<Map<String, Object>>) b -> poison.accept(event(b, FLOW)),
                "events[0]." + field, 400);
    }

    private static Arguments batch(String attack, Consumer<Map<String, Object>> poison, String field, int status) {
        return Arguments.of(attack, poison, field, status);
    }

    /** A flow, a host and a lookup of one device: valid as it is. */
    private static Map<String, Object> validBatch(UUID routerId, long sequence) {
        String mac = Fixtures.randomMac().value();
        Map<String, Object> flow = new LinkedHashMap<>();
        flow.put("type", "flow");
        flow.put("mac", mac);
        flow.put("protocol", "tcp");
        flow.put("dstIp", "203.0.113.7");
        flow.put("dstPort", 443);
        flow.put("bytesOut", 4_200);
        flow.put("bytesIn", 13_370);
        flow.put("packetsOut", 12);
        flow.put("packetsIn", 14);
        flow.put("start", Instant.now().minusSeconds(30).toString());
        flow.put("durationMs", 2_500);
        flow.put("tcpSeq", 12_345);
        Map<String, Object> batch = Batches.of(routerId, sequence).raw(flow).host(mac, "192.168.1.20", "laptop", true)
                .dns(mac, "example.org", "93.184.216.34").build();
        event(batch, DNS).put("at", Instant.now().minusSeconds(20).toString());
        return batch;
    }

    private static Map<String, Object> poisonFlow() {
        Map<String, Object> flow = new LinkedHashMap<>();
        flow.put("type", "flow");
        flow.put("mac", "02:00:5E:10:00:01");
        flow.put("protocol", "udp");
        flow.put("dstIp", "198.51.100.20");
        flow.put("dstPort", 53);
        flow.put("bytesOut", Long.MAX_VALUE);
        flow.put("bytesIn", 0);
        flow.put("packetsOut", 1);
        flow.put("packetsIn", 0);
        flow.put("start", Instant.now().minusSeconds(10).toString());
        flow.put("durationMs", 10);
        return flow;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(Map<String, Object> batch) {
        return (List<Map<String, Object>>) batch.get("events");
    }

    private static Map<String, Object> event(Map<String, Object> batch, int index) {
        return events(batch).get(index);
    }

    /** A batch whose JSON is made {@code size} bytes long with whitespace, which JSON allows anywhere. */
    private byte[] padded(UUID routerId, int size) throws IOException {
        byte[] batch = json.writeValueAsBytes(validBatch(routerId, 1));
        byte[] body = new byte[size];
        System.arraycopy(batch, 0, body, 0, batch.length);
        java.util.Arrays.fill(body, batch.length, size, (byte) ' ');
        return body;
    }

    // --- transport

    private static io.restassured.specification.RequestSpecification as(TestHousehold home) {
        return given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret())
                .contentType(ContentType.JSON);
    }

    private static String basic(UUID routerId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((routerId + ":"
                + secret).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://" + base.getHost() + ":" + base.getPort() + path);
    }

    /**
     * Announces a body of {@code declaredLength} bytes, sends only its first few and returns the
     * status line. A server that read the body before deciding would still be waiting when the
     * socket's timeout ends the read.
     */
    private String rawPost(String authorization, int declaredLength) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + INGEST + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: " + authorization
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + declaredLength
                            + "\r\n\r\n{\"routerId\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        }
    }
}
