package io.homeshield.routers.genieacs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.fleet.ConfigChange;
import io.homeshield.fleet.CurrentParameter;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.RouterPeers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * TR-069 routers' settings come from the ACS's device documents, read in pages: the first read
 * only records where each router stands, a later difference is a change in the router's history,
 * and a resolver changed to an unknown one is a DNS hijack.
 */
@QuarkusTest
@TestProfile(RouterPeers.Profile.class)
class AcsConfigReadsTest {

    private static final String DNS = "Device.DNS.Client.Server.1.DNSServer";

    @Inject
    AcsConfigReads reads;

    private String deviceA;
    private String deviceB;
    private UUID routerA;
    private UUID routerB;

    @BeforeEach
    void routers() {
        RouterPeers.server().resetAll();
        deviceA = "00256D-HSBox7-" + UUID.randomUUID().toString().substring(0, 8);
        deviceB = "00256D-HSBox7-" + UUID.randomUUID().toString().substring(0, 8);
        routerA = acsRouter(deviceA);
        routerB = acsRouter(deviceB);
    }

    @Test
    void aFirstReadRecordsWhereRoutersStandAndALaterDifferenceIsAChange() {
        devices(document(deviceA, "192.0.2.53", "2026-11-20T08:00:00.000Z"),
                document(deviceB, "192.0.2.54", "2026-11-20T08:00:00.000Z"));
        assertEquals(0, reads.readAll(), "nothing changed: this is where they stand");
        assertEquals("192.0.2.53", current(routerA, DNS));
        assertEquals("http://acs.example-isp.net:7547", current(routerA, "Device.ManagementServer.URL"));
        assertEquals("192.0.2.54", current(routerB, DNS));
        assertEquals(0, reads.readAll(), "read again, still nothing changed");

        devices(document(deviceA, "203.0.113.66", "2026-11-23T03:14:00.000Z"),
                document(deviceB, "192.0.2.54", "2026-11-20T08:00:00.000Z"));
        assertEquals(1, reads.readAll());

        ConfigChange change = QuarkusTransaction.requiringNew().call(() -> ConfigChange.<ConfigChange>find(
                "routerId = ?1 and path = ?2 order by changedAt desc", routerA, DNS).firstResult());
        assertEquals("192.0.2.53", change.oldValue);
        assertEquals("203.0.113.66", change.newValue);
        assertEquals(AcsConfigReads.SOURCE, change.source);
        assertEquals("2026-11-23T03:14:00Z", change.changedAt.toString(), "when the ACS saw it, not when we read it");
        List<Alert> alerts = QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>list("routerId", routerA));
        assertEquals(1, alerts.size());
        assertEquals("ROUTER_DNS_HIJACK", alerts.get(0).type);
        assertNull(alerts.get(0).deviceId);
    }

    @Test
    void anAcsThatDoesNotAnswerChangesNothing() {
        RouterPeers.server().stubFor(get(urlPathEqualTo("/devices/")).willReturn(aResponse().withStatus(503)));
        assertEquals(0, reads.readAll());
        assertNull(current(routerA, DNS));
    }

    private void devices(String... documents) {
        RouterPeers.server().stubFor(get(urlPathEqualTo("/devices/"))
                .withQueryParam("query", containing("$in"))
                .withQueryParam("projection", containing("Device.DNS.Client.Server"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[" + String.join(",", documents) + "]")));
    }

    /** A GenieACS device document as the NBI returns it for the projection. */
    private static String document(String device, String dns, String timestamp) {
        return """
                {"_id":"%s","Device":{"_object":true,"DNS":{"_object":true,"Client":{"_object":true,"Server":{\
                "_object":true,"1":{"_object":true,"DNSServer":{"_value":"%s","_type":"xsd:string",\
                "_timestamp":"%s","_writable":true},"Enable":{"_value":true,"_type":"xsd:boolean",\
                "_timestamp":"%s","_writable":true}}}}},"ManagementServer":{"_object":true,"URL":{\
                "_value":"http://acs.example-isp.net:7547","_type":"xsd:string","_timestamp":"%s","_writable":true}}}}"""
                .formatted(device, dns, timestamp, timestamp, timestamp);
    }

    private static UUID acsRouter(String device) {
        UUID router = Fixtures.household("acs-reads-" + UUID.randomUUID()).routerId();
        QuarkusTransaction.requiringNew().run(() -> {
            Router r = Router.findById(router);
            r.channel = ManagementChannel.GENIEACS;
            r.managementAddress = device;
        });
        return router;
    }

    private static String current(UUID router, String path) {
        CurrentParameter parameter = QuarkusTransaction.requiringNew().call(() -> CurrentParameter.findById(
                new CurrentParameter.Key(router, path)));
        return parameter == null ? null : parameter.value;
    }
}
