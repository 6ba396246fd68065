package io.homeshield.telemetry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.fleet.ConfigChange;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.Router;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class IngestTest {

    /** Listed as a whole host in the bundled URLhaus feed. */
    private static final String LISTED_DOMAIN = "zidomasones.com";

    @Test
    void aValidBatchUpdatesTheInventory() {
        TestHousehold home = Fixtures.household("ingest-inventory");
        String mac = Fixtures.randomMac().value();

        as(home).body(Batches.of(home.routerId(), 1).host(mac.toLowerCase(Locale.ROOT)
                .replace(':', '-'), "192.168.1.23",
                "living-room-cam", true).config("Device.DNS.Client.Server.1.DNSServer", "192.0.2.53", "198.51.100.66")
                .build())
                .when().post("/ingest/v1/batches")
                .then().statusCode(202).body("status", equalTo("accepted")).body("events", equalTo(2));

        Device device = deviceOf(home, mac);
        assertEquals("192.168.1.23", device.ipAddress);
        assertEquals("living-room-cam", device.hostname);
        assertTrue(device.online);
        assertTrue(inTx(() -> Router.<Router>findById(home.routerId()).lastContactAt) != null);
        assertEquals(1L, inTx(() -> ConfigChange.count("routerId", home.routerId())));

        as(home).body(Batches.of(home.routerId(), 2).host(mac, "192.168.1.23", "living-room-cam", false).build())
                .when().post("/ingest/v1/batches").then().statusCode(202);
        assertEquals(false, deviceOf(home, mac).online);
    }

    @Test
    void aRepeatedSequenceNumberIsAcknowledgedAndNotAppliedTwice() {
        TestHousehold home = Fixtures.household("ingest-duplicate");
        String mac = Fixtures.randomMac().value();
        as(home).body(Batches.of(home.routerId(), 7).host(mac, "192.168.1.5", "first-name", true).build())
                .when().post("/ingest/v1/batches").then().statusCode(202);

        as(home).body(Batches.of(home.routerId(), 7).host(mac, "192.168.1.6", "second-name", true)
                .dns(mac, LISTED_DOMAIN).build())
                .when().post("/ingest/v1/batches")
                .then().statusCode(200).body("status", equalTo("duplicate"));

        assertEquals("first-name", deviceOf(home, mac).hostname);
        assertEquals(0L, alertCount(home));
    }

    @Test
    void aKnownBadNameAndItsSubdomainRaiseExactlyOneAlert() {
        TestHousehold home = Fixtures.household("ingest-alert");
        String camera = Fixtures.randomMac().value();
        as(home).body(Batches.of(home.routerId(), 1).host(camera, "192.168.1.40", "IPCAM-4F2A", true)
                .dns(camera, LISTED_DOMAIN).dns(camera, "cdn." + LISTED_DOMAIN).dns(camera, "time.example.org").build())
                .when().post("/ingest/v1/batches")
                .then().statusCode(202).body("alertsOpened", equalTo(1));
        as(home).body(Batches.of(home.routerId(), 2)
                .dns(camera, "api." + LISTED_DOMAIN.toUpperCase(Locale.ROOT) + ".").build())
                .when().post("/ingest/v1/batches")
                .then().statusCode(202).body("alertsOpened", equalTo(0));

        List<Alert> alerts = inTx(() -> Alert.<Alert>list("routerId", home.routerId()));
        assertEquals(1, alerts.size());
        Alert alert = alerts.get(0);
        assertEquals("KNOWN_BAD_DESTINATION", alert.type);
        assertEquals(LISTED_DOMAIN, alert.indicator);
        assertEquals(3, alert.occurrences);
        assertEquals(deviceOf(home, camera).id, alert.deviceId);
        assertTrue(alert.evidence.contains("\"observed\":\"looked up " + LISTED_DOMAIN + "\""), alert.evidence);
        assertTrue(alert.evidence.contains("URLhaus"), alert.evidence);
    }

    @Test
    void aConnectionToAListedAddressRaisesAnAlert() {
        TestHousehold home = Fixtures.household("ingest-ip");
        String dvr = Fixtures.randomMac().value();
        as(home).body(Batches.of(home.routerId(), 1)
                .flow(dvr, "1.1.104.12", 80).flow(dvr, "93.184.216.34", 443).build())
                .when().post("/ingest/v1/batches").then().statusCode(202).body("alertsOpened", equalTo(1));
        List<Alert> alerts = inTx(() -> Alert.<Alert>list("routerId", home.routerId()));
        assertEquals(List.of("1.1.104.12"), alerts.stream().map(a -> a.indicator).toList());
    }

    @Test
    void guessingAtAForwardedPortReportedAsInboundFlowsRaisesTheDevicesAttackAlertOnly() {
        TestHousehold home = Fixtures.household("ingest-inbound");
        String nas = Fixtures.randomMac().value();
        Batches batch = Batches.of(home.routerId(), 1).host(nas, "192.168.1.20", "DiskStation", true);
        java.time.Instant start = java.time.Instant.now().minusSeconds(60)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (int i = 0; i < 12; i++) {
            Map<String, Object> flow = new java.util.LinkedHashMap<>();
            flow.put("type", "flow");
            flow.put("direction", "inbound");
            flow.put("mac", nas);
            flow.put("protocol", "tcp");
            flow.put("srcIp", "198.51.100." + (20 + i));
            flow.put("srcPort", 50_000 + i);
            flow.put("dstIp", "192.168.1.20");
            flow.put("dstPort", 22);
            flow.put("bytesOut", 2_400);
            flow.put("bytesIn", 2_100);
            flow.put("packetsOut", 14);
            flow.put("packetsIn", 16);
            flow.put("start", start.plusSeconds(i * 4L).toString());
            flow.put("durationMs", 3_000);
            batch.raw(flow);
        }
        as(home).body(batch.build()).when().post("/ingest/v1/batches").then().statusCode(202)
                .body("alertsOpened", equalTo(1));

        List<Alert> alerts = inTx(() -> Alert.<Alert>list("routerId", home.routerId()));
        assertEquals(List.of("INBOUND_BRUTE_FORCE"), alerts.stream().map(a -> a.type).toList());
        assertEquals("SSH (port 22)", alerts.get(0).indicator);
        assertEquals(deviceOf(home, nas).id, alerts.get(0).deviceId);
        assertTrue(alerts.get(0).evidence.contains("\"sources\":12"), alerts.get(0).evidence);
    }

    @Test
    void aRouterCredentialCannotPostForAnotherRouter() {
        TestHousehold mine = Fixtures.household("ingest-mine");
        TestHousehold other = Fixtures.household("ingest-other");
        as(mine).body(Batches.of(other.routerId(), 1).host(Fixtures.randomMac().value(), "10.0.0.2", "x", true).build())
                .when().post("/ingest/v1/batches")
                .then().statusCode(403).contentType("application/problem+json")
                .body("violations.field", hasItem("routerId"));
        assertNothingStored(other);
    }

    @Test
    void aPersonsTokenCannotPostTelemetry() {
        TestHousehold home = Fixtures.household("ingest-person");
        given().auth().oauth2(Tokens.accessToken("alice")).contentType(ContentType.JSON)
                .body(Batches.of(home.routerId(), 1).host(Fixtures.randomMac().value(), "10.0.0.2", "x", true).build())
                .when().post("/ingest/v1/batches")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("person's token is not accepted"));
        assertNothingStored(home);
    }

    @Test
    void aMissingOrWrongCredentialIsRefused() {
        TestHousehold home = Fixtures.household("ingest-nocred");
        Map<String, Object> batch = Batches.of(home.routerId(), 1)
                .host(Fixtures.randomMac().value(), "10.0.0.2", "x", true).build();
        given().contentType(ContentType.JSON).body(batch)
                .when().post("/ingest/v1/batches")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("type", equalTo("https://homeshield.io/problems/unauthenticated"));
        given().auth().preemptive().basic(home.routerId().toString(), "not-the-secret").contentType(ContentType.JSON)
                .body(batch)
                .when().post("/ingest/v1/batches")
                .then().statusCode(401).contentType("application/problem+json");
        assertNothingStored(home);
    }

    @Test
    void malformedJsonIsRefusedPrecisely() {
        TestHousehold home = Fixtures.household("ingest-malformed");
        as(home).body("{\"routerId\": \"" + home.routerId() + "\", \"sequence\": 1, \"events\": [")
                .when().post("/ingest/v1/batches")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://homeshield.io/problems/malformed-json"))
                .body("detail", containsString("line 1"));
        assertNothingStored(home);
    }

    @Test
    void anUnknownEventTypeIsRefusedWithItsField() {
        TestHousehold home = Fixtures.household("ingest-unknown-type");
        as(home).body(Batches.of(home.routerId(), 1).host(Fixtures.randomMac().value(), "10.0.0.2", "x", true)
                .raw(Map.of("type", "telepathy", "mac", "AA:BB:CC:00:11:22")).build())
                .when().post("/ingest/v1/batches")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("events[1].type"))
                .body("violations[0].reason", containsString("unknown type 'telepathy'"));
        assertNothingStored(home);
    }

    @Test
    void anInvalidMacIsRefusedWithItsFieldAndNothingIsStored() {
        TestHousehold home = Fixtures.household("ingest-bad-mac");
        as(home).body(Batches.of(home.routerId(), 1).host(Fixtures.randomMac().value(), "10.0.0.2", "ok", true)
                .host("AA:BB:CC:DD:EE", "10.0.0.3", "short-mac", true)
                .flow(Fixtures.randomMac().value(), "not-an-ip", 70000).build())
                .when().post("/ingest/v1/batches")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("events[1].mac"))
                .body("violations.field", hasItem("events[2].dstIp"))
                .body("violations.field", hasItem("events[2].dstPort"))
                .body("violations.find { it.field == 'events[1].mac' }.reason", containsString("not a MAC address"));
        assertNothingStored(home);
    }

    @Test
    void anOversizedBatchIsRefused() {
        TestHousehold home = Fixtures.household("ingest-oversized");
        Batches batch = Batches.of(home.routerId(), 1);
        for (int i = 0; i < 5001; i++) {
            batch.dns("AA:BB:CC:00:11:22", "host" + i + ".example.org");
        }
        as(home).body(batch.build())
                .when().post("/ingest/v1/batches")
                .then().statusCode(413).contentType("application/problem+json")
                .body("violations[0].field", equalTo("events"))
                .body("violations[0].reason", containsString("at most 5000"));
        assertNothingStored(home);
    }

    @Test
    void missingBatchFieldsAreNamed() {
        TestHousehold home = Fixtures.household("ingest-missing");
        as(home).body(Map.of("routerId", home.routerId().toString(), "events", List.of()))
                .when().post("/ingest/v1/batches")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("sequence"))
                .body("violations.field", hasItem("sentAt"));
        assertNothingStored(home);
    }

    private static RequestSpecification as(TestHousehold home) {
        return given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret())
                .contentType(ContentType.JSON);
    }

    private static Device deviceOf(TestHousehold home, String mac) {
        return inTx(() -> Device.<Device>find("routerId = ?1 and mac = ?2", home.routerId(), mac).singleResult());
    }

    private static long alertCount(TestHousehold home) {
        return inTx(() -> Alert.count("routerId", home.routerId()));
    }

    private static void assertNothingStored(TestHousehold home) {
        UUID router = home.routerId();
        assertEquals(0L, inTx(() -> TelemetryReceipt.count("routerId", router)));
        assertEquals(0L, inTx(() -> Device.count("routerId", router)));
        assertEquals(0L, inTx(() -> Alert.count("routerId", router)));
    }

    private static <T> T inTx(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
