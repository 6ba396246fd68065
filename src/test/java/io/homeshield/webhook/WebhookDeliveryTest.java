package io.homeshield.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.TestHostResolver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * Webhooks against real HTTP receivers: a WireMock receiver that fails once and then accepts, whose
 * requests are checked for a valid signature, and a receiver that accepts connections but never
 * answers, which must not hold up telemetry ingest.
 */
@QuarkusTest
@TestSecurity(user = WebhookDeliveryTest.SUBSCRIBER, roles = "subscriber")
class WebhookDeliveryTest {

    static final String SUBSCRIBER = "webhook-alice";
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static final String LISTED = "zidomasones.com";

    WireMockServer receiver;
    TestHousehold home;

    @BeforeEach
    void start() {
        home = Fixtures.newHousehold(SUBSCRIBER);
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    @Test
    void anAlertRaisedByTelemetryIsPostedSignedAndRetriedUntilTheReceiverAccepts() throws Exception {
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(204)));
        Map<String, Object> webhook = register(TestHostResolver.receiverUrl(receiver.port(), "/hook"), "alert.raised");
        String secret = (String) webhook.get("secret");
        assertThat(secret.length(), greaterThanOrEqualTo(40));
        given().when().get("/api/v1/webhooks").then().statusCode(200).body("[0].secret", nullValue())
                .body("[0].eventTypes", contains("alert.raised"));

        String camera = Fixtures.randomMac().toString();
        ingest(home, Batches.of(home.routerId(), 1).host(camera, "192.168.1.30", "ipcam", true)
                .dns(camera, LISTED).build());

        String log = "/api/v1/webhooks/" + webhook.get("id") + "/deliveries";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get(log).then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].eventType", equalTo("alert.raised"))
                .body("[0].state", equalTo("DELIVERED"))
                .body("[0].attempts", equalTo(2))
                .body("[0].log.status", contains(503, 204))
                .body("[0].log[0].error", equalTo("HTTP 503")));

        List<LoggedRequest> received = receiver.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(urlEqualTo("/hook")));
        assertThat(received, hasSize(2));
        for (LoggedRequest request : received) {
            assertThat(request.getHeader("HomeShield-Event"), equalTo("alert.raised"));
            assertSignedWith(secret, request.getHeader("HomeShield-Signature"), request.getBodyAsString());
        }
        assertThat(received.get(0).getHeader("HomeShield-Delivery"),
                equalTo(received.get(1).getHeader("HomeShield-Delivery")));
        JsonNode event = new ObjectMapper().readTree(received.get(1).getBodyAsString());
        assertThat(event.path("type").asText(), equalTo("alert.raised"));
        assertThat(event.path("data").path("type").asText(), equalTo("KNOWN_BAD_DESTINATION"));
        assertThat(event.path("data").path("indicator").asText(), equalTo(LISTED));

        // a forged signature (another secret) would not verify
        assertThat(WebhookSignature.hmac("whsec_other", "1." + received.get(1).getBodyAsString()),
                not(equalTo(signatureOf(received.get(1).getHeader("HomeShield-Signature")))));
    }

    @Test
    void aReceiverThatNeverAnswersDoesNotHoldUpIngest() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket blackhole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!blackhole.isClosed()) {
                    try {
                        held.add(blackhole.accept()); // never read, never answered
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Map<String, Object> webhook = register(TestHostResolver.receiverUrl(blackhole.getLocalPort(), "/hook"),
                    "alert.raised", "action.state-changed");
            var camera = Fixtures.device(home, "ipcam", DeviceType.CAMERA);
            given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/devices/" + camera.id + "/quarantine")
                    .then().statusCode(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> !held.isEmpty());

            // a delivery is hanging on the receiver (claimed, its attempt not yet over); telemetry goes on regardless
            String log = "/api/v1/webhooks/" + webhook.get("id") + "/deliveries";
            String mac = Fixtures.randomMac().toString();
            for (int i = 1; i <= 5; i++) {
                ingest(home, Batches.of(home.routerId(), i).host(mac, "192.168.1.40", "laptop", true).build());
            }
            List<Map<String, Object>> whileIngesting = given().when().get(log).then().extract().path("$");
            assertThat("five batches were applied while a delivery still waited for the receiver's answer",
                    whileIngesting.stream().anyMatch(d -> "PENDING".equals(d.get("state"))
                            && ((Integer) d.get("attempts")) >= 1 && ((List<?>) d.get("log")).isEmpty()),
                    equalTo(true));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get(log).then()
                    .body("log.flatten().error", org.hamcrest.Matchers.hasItem(
                            org.hamcrest.Matchers.startsWith("No complete answer within"))));
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void webhooksAreTheHouseholdsOwnAndBadRegistrationsNameTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"url\":\"ftp://example.org/x\",\"eventTypes\":[\"alert.raised\"]}")
                .when().post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("url"));
        given().contentType(ContentType.JSON)
                .body("{\"url\":\"https://example.org/x\",\"eventTypes\":[\"everything\"]}")
                .when().post("/api/v1/webhooks").then().statusCode(400)
                .body("violations[0].field", equalTo("eventTypes"));
        TestHousehold theirs = Fixtures.household("webhook-bob");
        Webhook their = QuarkusTransaction.requiringNew().call(() -> {
            Webhook w = new Webhook();
            w.id = java.util.UUID.randomUUID();
            w.householdId = theirs.id().value();
            w.url = "https://bob.example.org/hook";
            w.secret = "whsec_bob";
            w.eventTypes = "alert.raised";
            w.createdBy = "webhook-bob";
            w.createdAt = Instant.now();
            w.persist();
            return w;
        });
        given().when().get("/api/v1/webhooks/" + their.id + "/deliveries").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().delete("/api/v1/webhooks/" + their.id).then().statusCode(404);
        given().when().get("/api/v1/webhooks").then().statusCode(200).body("$", hasSize(0));
    }

    private Map<String, Object> register(String url, String... types) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(types)))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getMap("$");
    }

    private static void ingest(TestHousehold home, Map<String, Object> batch) {
        given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret()).contentType(ContentType.JSON)
                .body(batch).when().post("/ingest/v1/batches").then().statusCode(202);
    }

    /** What a receiver does: recompute the MAC over "<t>.<body>" and compare in constant time. */
    private static void assertSignedWith(String secret, String header, String body) {
        Matcher m = SIGNATURE.matcher(header);
        assertThat(header, m.matches(), equalTo(true));
        long t = Long.parseLong(m.group(1));
        assertThat(Math.abs(Instant.now().getEpochSecond() - t), lessThan(300L));
        byte[] expected = WebhookSignature.hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
        assertThat(MessageDigest.isEqual(expected, m.group(2).getBytes(StandardCharsets.US_ASCII)), equalTo(true));
    }

    private static String signatureOf(String header) {
        Matcher m = SIGNATURE.matcher(header);
        return m.matches() ? m.group(2) : "";
    }
}
