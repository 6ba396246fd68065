package io.homeshield.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertType;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.household.Household;
import io.homeshield.inventory.Device;
import io.homeshield.telemetry.flowexport.FlowExportProbe;
import io.homeshield.telemetry.flowexport.FlowExportProbe.Flow;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * Flow export arrives over UDP, whose source address anyone on the path can forge. Datagrams from
 * addresses no router registered change nothing and are never kept; flows from a registered address
 * raise alerts, but only the router's own telemetry can make them quarantine a device by themselves.
 */
@QuarkusTest
@TestSecurity(user = "flow-attacks-crm", roles = "provisioning")
class FlowExportAttacksTest {

    private static final String BASE = "/api/provisioning/v1";
    /** Addresses the bundled threat intelligence lists. */
    private static final String LISTED = "1.1.104.12";
    private static final String ALSO_LISTED = "1.1.104.120";
    private static final String DATAGRAMS = "homeshield.flowexport.datagrams";
    private static final AtomicLong SEQUENCE = new AtomicLong(1);

    @Test
    void datagramsFromAnUnregisteredSourceChangeNothing() {
        TestHousehold home = optedIn("flow-attacks-unregistered");
        String camera = deviceOnTheRouter(home, "192.168.1.66");
        double ignored = FlowExportProbe.count(DATAGRAMS, "unknown-exporter");

        FlowExportProbe.send("127.0.10.1", FlowExportProbe.ipfix(300, List.of(
                flow("192.168.1.66", LISTED), flow("192.168.1.67", ALSO_LISTED))));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> FlowExportProbe.count(DATAGRAMS, "unknown-exporter") >= ignored + 1);
        assertEquals(0, alerts(home).size(), "no alerts");
        assertEquals(1, devices(home), "no device from the forged flows");
        assertEquals(0, rolledUp(home), "no roll-ups");
        assertNull(quarantine(home, camera));
    }

    @Test
    void templatesFromUnregisteredSourcesAreNeverKept() {
        double templates = FlowExportProbe.count("homeshield.flowexport.templates");
        double ignored = FlowExportProbe.count(DATAGRAMS, "unknown-exporter");
        for (int i = 1; i <= 40; i++) {
            FlowExportProbe.send("127.0.11." + i, FlowExportProbe.ipfix(400 + i, List.of()));
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> FlowExportProbe.count(DATAGRAMS, "unknown-exporter") >= ignored + 40);
        assertEquals(templates, FlowExportProbe.count("homeshield.flowexport.templates"), "no template decoded");

        // a template planted from an unregistered address is no use to data sent from a registered one
        TestHousehold home = optedIn("flow-attacks-planted");
        deviceOnTheRouter(home, "192.168.1.66");
        register(home.routerId(), "127.0.11.200");
        double held = FlowExportProbe.count("homeshield.flowexport.sets.without.template", "held");
        FlowExportProbe.send("127.0.11.1", 47_000, FlowExportProbe.ipfix(401, List.of()));
        FlowExportProbe.send("127.0.11.200", 47_000, FlowExportProbe.ipfixDataOnly(401, List.of(flow("192.168.1.66",
                LISTED))));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> FlowExportProbe.count("homeshield.flowexport.sets.without.template", "held") >= held + 1);
        assertEquals(0, alerts(home).size());
    }

    @Test
    void aFloodOfForgedSourcesIsRememberedBoundedlyAndRegisteredExportersCarryOn() {
        TestHousehold home = optedIn("flow-attacks-flooded");
        deviceOnTheRouter(home, "192.168.1.66");
        register(home.routerId(), "127.0.12.250");
        double ignored = FlowExportProbe.count(DATAGRAMS, "unknown-exporter");
        for (int i = 1; i <= 200; i++) {
            FlowExportProbe.send("127.0.12." + i, new byte[] { 0, 10, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> FlowExportProbe.count(DATAGRAMS, "unknown-exporter") >= ignored + 200);

        // the test profile remembers at most 64 addresses
        int remembered = FlowExportProbe.rememberedAddresses();
        assertTrue(remembered > 0 && remembered <= 64, "remembered: " + remembered);
        exportedUntilAlerted(home, "127.0.12.250", flow("192.168.1.66", LISTED));
    }

    @Test
    void unregisteredSourcesAreNamedInTheLogOncePerIntervalAndAFewAtATime() {
        List<String> sources = List.of("203.0.113.1", "203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.4",
                "203.0.113.1");
        long[] at = { 0, 1_000, 2_000, 3_000, 4_000, 61_000 };

        boolean[] logged = FlowExportProbe.loggedUnknownSources(sources, at, 60_000, 3, 1_000);

        // the same source again within the minute: silent; a fourth source within it: summed up, not named
        assertArrayEquals(new boolean[] { true, false, true, true, false, true }, logged);
    }

    @Test
    void oneAddressCannotFillTheTemplateCacheWithSessionsOrTemplates() {
        assertEquals(16, FlowExportProbe.sessionsKeptAfterPortFlood(500, 16),
                "sessions from many source ports of one address evict that address's own");
        assertEquals(44, FlowExportProbe.templatesRefusedAfterIdFlood(300, 256),
                "template ids beyond the bound of one session are refused");
    }

    @Test
    void forgedFlowsNamingAnotherRoutersDevicesReachNoOne() {
        TestHousehold attacker = optedIn("flow-attacks-forger");
        TestHousehold victim = optedIn("flow-attacks-victim");
        String victimsTv = deviceOnTheRouter(victim, "192.168.7.20");
        register(attacker.routerId(), "127.0.13.1");
        register(victim.routerId(), "127.0.13.2");
        double unmapped = FlowExportProbe.count("homeshield.flowexport.flows", "unmapped-source");

        FlowExportProbe.send("127.0.13.1", FlowExportProbe.ipfix(300, List.of(flow("192.168.7.20", LISTED))));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> FlowExportProbe.count("homeshield.flowexport.flows", "unmapped-source") >= unmapped + 1);
        assertEquals(0, alerts(victim).size(), "the victim's router exports from another address");
        assertEquals(0, alerts(attacker).size());
        assertEquals(0, rolledUp(victim));
        assertNull(quarantine(victim, victimsTv));
    }

    @Test
    @TestSecurity(user = "flow-attacks-flows-only", roles = { "subscriber", "provisioning" })
    void flowsAloneRaiseTheAlertTheHouseholdSeesButNeverQuarantine() {
        TestHousehold home = optedIn("flow-attacks-flows-only");
        String camera = deviceOnTheRouter(home, "192.168.1.66");
        register(home.routerId(), "127.0.14.1");

        Alert alert = exportedUntilAlerted(home, "127.0.14.1", flow("192.168.1.66", LISTED));

        assertEquals("KNOWN_BAD_DESTINATION", alert.type);
        assertTrue(alert.seenInFlowExport);
        assertFalse(alert.seenInRouterTelemetry);
        assertNull(quarantine(home, camera), "no automatic quarantine on flows alone");
        given().get("/api/v1/alerts").then().statusCode(200).body("id", hasItem(alert.id.toString()));
    }

    @Test
    void theRoutersOwnTelemetryOfTheSamePatternCorroboratesAndQuarantines() {
        TestHousehold home = optedIn("flow-attacks-corroborated");
        String camera = deviceOnTheRouter(home, "192.168.1.66");
        register(home.routerId(), "127.0.15.1");
        Alert alert = exportedUntilAlerted(home, "127.0.15.1", flow("192.168.1.66", LISTED));
        assertNull(quarantine(home, camera));

        post(home, Batches.of(home.routerId(), SEQUENCE.incrementAndGet()).flow(camera, LISTED, 443).build());

        DeviceQuarantine quarantine = quarantine(home, camera);
        assertNotNull(quarantine, "corroborated by the router's own telemetry");
        assertEquals("auto-quarantine", quarantine.requestedBy);
        Alert after = QuarkusTransaction.requiringNew().call(() -> Alert.findById(alert.id));
        assertTrue(after.seenInRouterTelemetry && after.seenInFlowExport);
    }

    @Test
    void aRecentFindingOfTheRoutersOwnTelemetryAboutTheDeviceCorroborates() {
        TestHousehold home = optedIn("flow-attacks-second-finding");
        String camera = deviceOnTheRouter(home, "192.168.1.66");
        routerFinding(home, camera, Instant.now().minus(Duration.ofHours(1)));
        register(home.routerId(), "127.0.16.1");

        exportedUntilAlerted(home, "127.0.16.1", flow("192.168.1.66", LISTED));

        assertNotNull(quarantine(home, camera), "a second, independent finding");
    }

    @Test
    void twoFindingsFromFlowsAloneDoNotCorroborateEachOther() {
        TestHousehold home = optedIn("flow-attacks-two-forged");
        String camera = deviceOnTheRouter(home, "192.168.1.66");
        register(home.routerId(), "127.0.17.1");

        exportedUntilAlerted(home, "127.0.17.1", flow("192.168.1.66", LISTED));
        FlowExportProbe.send("127.0.17.1", FlowExportProbe.ipfix(300, List.of(flow("192.168.1.66", ALSO_LISTED))));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(home).size() == 2);

        assertNull(quarantine(home, camera), "both came from a forgeable source");
    }

    @Test
    void aFindingOfTheRouterOlderThanTheWindowDoesNotCorroborate() {
        TestHousehold home = optedIn("flow-attacks-stale");
        String camera = deviceOnTheRouter(home, "192.168.1.66");
        routerFinding(home, camera, Instant.now().minus(Duration.ofDays(3)));
        register(home.routerId(), "127.0.18.1");

        exportedUntilAlerted(home, "127.0.18.1", flow("192.168.1.66", LISTED));

        assertNull(quarantine(home, camera));
    }

    @Test
    void aDeviceJoiningTheNetworkCorroboratesNothing() {
        TestHousehold home = optedIn("flow-attacks-joined");
        String camera = deviceOnTheRouter(home, "192.168.1.66");
        routerFinding(home, camera, Instant.now().minus(Duration.ofMinutes(5)), AlertType.NEW_DEVICE);
        register(home.routerId(), "127.0.22.1");

        exportedUntilAlerted(home, "127.0.22.1", flow("192.168.1.66", LISTED));

        assertNull(quarantine(home, camera), "a device joining is no threat finding");
    }

    @Test
    void aRemovedExporterIsIgnoredFromThenOn() {
        TestHousehold home = optedIn("flow-attacks-removed");
        deviceOnTheRouter(home, "192.168.1.66");
        register(home.routerId(), "127.0.19.1");
        given().get(BASE + "/routers/" + home.routerId() + "/flow-exporters").then().statusCode(200)
                .body("address", equalTo(List.of("127.0.19.1")));

        given().delete(BASE + "/routers/" + home.routerId() + "/flow-exporters/127.0.19.1").then().statusCode(204);
        double ignored = FlowExportProbe.count(DATAGRAMS, "unknown-exporter");
        FlowExportProbe.send("127.0.19.1", FlowExportProbe.ipfix(300, List.of(flow("192.168.1.66", LISTED))));

        await().atMost(Duration.ofSeconds(10))
                .until(() -> FlowExportProbe.count(DATAGRAMS, "unknown-exporter") >= ignored + 1);
        assertEquals(0, alerts(home).size());
        given().delete(BASE + "/routers/" + home.routerId() + "/flow-exporters/127.0.19.1").then().statusCode(404);
    }

    @Test
    void anAddressOfAnotherRouterCannotBeTakenOver() {
        TestHousehold owner = optedIn("flow-attacks-owner");
        TestHousehold other = optedIn("flow-attacks-taker");
        register(owner.routerId(), "127.0.20.1");

        given().contentType(ContentType.JSON).body(Map.of("address", "127.0.20.1"))
                .post(BASE + "/routers/" + other.routerId() + "/flow-exporters").then().statusCode(409)
                .contentType("application/problem+json").body("violations[0].field", equalTo("address"));

        given().get(BASE + "/routers/" + other.routerId() + "/flow-exporters").then().statusCode(200)
                .body("size()", equalTo(0));
        given().get(BASE + "/routers/" + owner.routerId() + "/flow-exporters").then().statusCode(200)
                .body("address", equalTo(List.of("127.0.20.1")));
    }

    @Test
    void anExporterAddressMustBeAUnicastLiteral() {
        TestHousehold home = optedIn("flow-attacks-literal");
        for (String wrong : List.of("exporter.example.net", "0.0.0.0", "::", "224.0.0.251", "ff02::1",
                "255.255.255.255", "10.0.0.0/8", "")) {
            given().contentType(ContentType.JSON).body(Map.of("address", wrong))
                    .post(BASE + "/routers/" + home.routerId() + "/flow-exporters").then().statusCode(400)
                    .contentType("application/problem+json").body("violations[0].field", equalTo("address"));
        }
        given().contentType(ContentType.JSON).body("{}").post(BASE + "/routers/" + home.routerId() + "/flow-exporters")
                .then().statusCode(400).body("violations[0].field", equalTo("address"));
        given().get(BASE + "/routers/" + home.routerId() + "/flow-exporters").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aRouterHoldsAFewExporterAddressesAndUnknownRoutersNone() {
        TestHousehold home = optedIn("flow-attacks-many");
        for (int i = 1; i <= 4; i++) {
            register(home.routerId(), "127.0.21." + i);
        }
        given().contentType(ContentType.JSON).body(Map.of("address", "127.0.21.5"))
                .post(BASE + "/routers/" + home.routerId() + "/flow-exporters").then().statusCode(409)
                .body("violations[0].field", equalTo("address"));
        // the same address again is no change
        register(home.routerId(), "127.0.21.1");

        UUID nobody = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("address", "127.0.21.9"))
                .post(BASE + "/routers/" + nobody + "/flow-exporters").then().statusCode(404);
        given().get(BASE + "/routers/" + nobody + "/flow-exporters").then().statusCode(404);
    }

    private static TestHousehold optedIn(String subject) {
        TestHousehold home = Fixtures.newHousehold(subject);
        QuarkusTransaction.requiringNew().run(()
                -> Household.<Household>findById(home.id().value()).autoQuarantine = true);
        return home;
    }

    /** The router reports a device at that LAN address over its own channel, as exporters need. */
    private static String deviceOnTheRouter(TestHousehold home, String ip) {
        String mac = Fixtures.randomMac().value();
        post(home, Batches.of(home.routerId(), SEQUENCE.incrementAndGet()).host(mac, ip, "cam-" + ip, true).build());
        return mac;
    }

    /** A medium-severity finding the router's own telemetry showed about the device at {@code at}. */
    private static void routerFinding(TestHousehold home, String mac, Instant at) {
        routerFinding(home, mac, at, AlertType.UPLOAD_SPIKE);
    }

    private static void routerFinding(TestHousehold home, String mac, Instant at, AlertType type) {
        Device device = device(home, mac);
        QuarkusTransaction.requiringNew().run(() -> {
            Alert alert = Fixtures.newAlert(device, type.name().toLowerCase(Locale.ROOT) + ":" + mac, at);
            alert.type = type.name();
            alert.severity = type.severity();
            alert.seenInRouterTelemetry = true;
            alert.persist();
        });
    }

    private static void register(UUID router, String address) {
        given().contentType(ContentType.JSON).body(Map.of("address", address))
                .post(BASE + "/routers/" + router + "/flow-exporters").then().statusCode(201)
                .body("address", equalTo(address)).body("routerId", equalTo(router.toString()));
    }

    private static Alert exportedUntilAlerted(TestHousehold home, String exporter, Flow flow) {
        int before = alerts(home).size();
        FlowExportProbe.send(exporter, FlowExportProbe.ipfix(300, List.of(flow)));
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(home).size() > before);
        List<Alert> alerts = alerts(home);
        return alerts.get(alerts.size() - 1);
    }

    private static Flow flow(String source, String destination) {
        return new Flow(source, destination, 443, System.currentTimeMillis() - 5_000);
    }

    private static void post(TestHousehold home, Map<String, Object> batch) {
        given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret()).contentType(ContentType.JSON)
                .body(batch).when().post("/ingest/v1/batches").then().statusCode(202);
    }

    private static List<Alert> alerts(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> new ArrayList<>(Alert.<Alert>list(
                "routerId = ?1 order by createdAt", home.routerId())));
    }

    private static long devices(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> Device.count("routerId", home.routerId()));
    }

    private static Device device(TestHousehold home, String mac) {
        return QuarkusTransaction.requiringNew().call(() -> Device.<Device>find("routerId = ?1 and mac = ?2",
                home.routerId(), mac).singleResult());
    }

    private static DeviceQuarantine quarantine(TestHousehold home, String mac) {
        Device device = device(home, mac);
        return QuarkusTransaction.requiringNew().call(() -> DeviceQuarantine.findById(device.id));
    }

    private static long rolledUp(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Device.getEntityManager().createNativeQuery(
                "select (select count(*) from device_activity a join device d on d.id = a.device_id where d.router_id "
                        + "= ?1)"
                        + " + (select count(*) from device_destination t join device d on d.id = t.device_id"
                        + " where d.router_id = ?1)")
                .setParameter(1, home.routerId()).getSingleResult()).longValue());
    }
}
