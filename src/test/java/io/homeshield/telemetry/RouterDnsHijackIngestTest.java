package io.homeshield.telemetry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.Severity;
import io.homeshield.household.Household;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
class RouterDnsHijackIngestTest {

    private static final String SUBSCRIBER = "router-hijack-owner";
    private static final String WAN_DNS = "Device.DNS.Client.Server.1.DNSServer";

    @Test
    @TestSecurity(user = SUBSCRIBER, roles = "subscriber")
    void aHijackedRouterGetsOneAlertOfItsOwnThatTheHouseholdReads() {
        TestHousehold home = Fixtures.household(SUBSCRIBER);
        // Opted in to automatic quarantine: an alert about the router has no device to quarantine.
        QuarkusTransaction.requiringNew().run(() -> Household.update("autoQuarantine = true where id = ?1",
                home.id().value()));

        post(home, Batches.of(home.routerId(), 1).config(WAN_DNS, "192.0.2.53", "203.0.113.66")
                .config("Device.DNS.Client.Server.2.DNSServer", "192.0.2.54", "8.8.8.8"))
                .body("alertsOpened", equalTo(1));
        post(home, Batches.of(home.routerId(), 2).config("Device.DHCPv4.Server.Pool.1.DNSServers", "192.168.1.1",
                "203.0.113.66,192.168.1.1")).body("alertsOpened", equalTo(0));

        List<Alert> alerts = inTx(() -> Alert.<Alert>list("routerId", home.routerId()));
        assertEquals(1, alerts.size());
        Alert alert = alerts.get(0);
        assertEquals("ROUTER_DNS_HIJACK", alert.type);
        assertEquals(Severity.HIGH, alert.severity);
        assertNull(alert.deviceId);
        assertEquals(home.id().value(), alert.householdId);
        assertEquals("203.0.113.66", alert.indicator);
        assertEquals(2, alert.occurrences);
        assertTrue(alert.evidence.contains("\"parameter\":\"" + WAN_DNS + "\""), alert.evidence);

        given().get("/portal/alerts").then().statusCode(200)
                .body(containsString("Your router&#39;s internet phone book was changed"))
                .body(containsString("Router · <span class=\"mono\">203.0.113.66"));
        given().get("/portal/alerts/" + alert.id).then().statusCode(200)
                .body(containsString("Router → <span class=\"indicator mono\">203.0.113.66"))
                .body(containsString("203.0.113.66"))
                .body(containsString("let your provider reset"));
        given().get("/api/v1/alerts/" + alert.id).then().statusCode(200)
                .body("deviceId", nullValue())
                .body("type", equalTo("ROUTER_DNS_HIJACK"));
    }

    @Test
    void theProvidersAndPublicResolversRaiseNothing() {
        TestHousehold home = Fixtures.household("router-hijack-calm");
        post(home, Batches.of(home.routerId(), 1).config(WAN_DNS, "192.0.2.53", "192.0.2.54")
                .config("Device.DNS.Client.Server.2.DNSServer", "192.0.2.54", "1.1.1.1"))
                .body("alertsOpened", equalTo(0));
    }

    private static io.restassured.response.ValidatableResponse post(TestHousehold home, Batches batch) {
        return given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret())
                .contentType(ContentType.JSON).body(batch.build())
                .when().post("/ingest/v1/batches").then().statusCode(202);
    }

    private static <T> T inTx(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
