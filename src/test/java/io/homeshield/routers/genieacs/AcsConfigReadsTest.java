package io.homeshield.routers.genieacs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.fleet.ConfigChange;
import io.homeshield.fleet.CurrentParameter;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.inventory.RouterParameterKey;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.RouterPeers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * TR-069 routers' settings come from the ACS's device documents, read in pages: the first read
 * only records where each router stands, a later difference is a change in the router's history,
 * and a resolver changed to an unknown one is a DNS hijack. The ACS reads the watched settings in
 * every session because HomeShield installed its watch preset; without it they would stay stale.
 */
@QuarkusTest
@TestProfile(RouterPeers.Profile.class)
class AcsConfigReadsTest {

    private static final String DNS = "Device.DNS.Client.Server.1.DNSServer";

    @Inject
    AcsConfigReads reads;

    private GenieAcsPeer acs;
    private Tr069Cpe cpeA;
    private String deviceA;
    private String deviceB;
    private UUID routerA;
    private UUID routerB;

    @BeforeEach
    void routers() {
        RouterPeers.server().resetAll();
        acs = GenieAcsPeer.start().behind(RouterPeers.server());
        deviceA = "00256D-HSBox7-" + UUID.randomUUID().toString().substring(0, 8);
        deviceB = "00256D-HSBox7-" + UUID.randomUUID().toString().substring(0, 8);
        cpeA = acs.register(deviceA, Tr069Cpe.hsBox7()).cpe;
        acs.register(deviceB, Tr069Cpe.hsBox7()).cpe.changeLocally(DNS, "10.255.0.54");
        routerA = acsRouter(deviceA);
        routerB = acsRouter(deviceB);
    }

    @AfterEach
    void stopPeer() {
        acs.close();
    }

    @Test
    void aFirstReadRecordsWhereRoutersStandAndAChangeTheRouterMadeOnItsOwnIsRecordedAfterItsNextInform() {
        assertEquals(0, reads.readAll(), "installs the watch; the ACS holds no DNS servers yet");
        assertNull(current(routerA, DNS));
        assertEquals("homeshield-watch",
                acs.preset("homeshield-watch").path("configurations").get(0).path("name").asText());

        acs.inform(deviceA);
        acs.inform(deviceB);
        assertEquals(0, reads.readAll(), "nothing changed: this is where they stand");
        assertEquals("10.255.0.53", current(routerA, DNS));
        assertEquals("http://acs.example-isp.net:7547", current(routerA, "Device.ManagementServer.URL"));
        assertEquals("10.255.0.54", current(routerB, DNS));

        cpeA.changeLocally(DNS, "203.0.113.66");
        assertEquals(0, reads.readAll(), "the ACS has not talked to the router since");
        Instant before = Instant.now().minusSeconds(1);
        acs.inform(deviceA);
        assertEquals(1, reads.readAll());

        ConfigChange change = QuarkusTransaction.requiringNew().call(() -> ConfigChange.<ConfigChange>find(
                "routerId = ?1 and path = ?2 order by changedAt desc", routerA, DNS).firstResult());
        assertEquals("10.255.0.53", change.oldValue);
        assertEquals("203.0.113.66", change.newValue);
        assertEquals(AcsConfigReads.SOURCE, change.source);
        assertTrue(!change.changedAt.isBefore(before), "when the ACS saw it: " + change.changedAt);
        List<Alert> alerts = QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>list("routerId", routerA));
        assertEquals(1, alerts.size());
        assertEquals("ROUTER_DNS_HIJACK", alerts.get(0).type);
        assertNull(alerts.get(0).deviceId);
    }

    @Test
    void anAcsThatDoesNotAnswerChangesNothing() {
        RouterPeers.server().resetAll();
        RouterPeers.server().stubFor(any(urlPathMatching("/.*")).willReturn(aResponse().withStatus(503)));
        assertEquals(0, reads.readAll());
        assertNull(current(routerA, DNS));
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
                new RouterParameterKey(router, path)));
        return parameter == null ? null : parameter.value;
    }
}
