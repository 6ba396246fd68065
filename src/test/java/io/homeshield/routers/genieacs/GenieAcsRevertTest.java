package io.homeshield.routers.genieacs;

import static io.homeshield.routers.genieacs.Tr069Cpe.DNS_1;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.fleet.baseline.Baseline;
import io.homeshield.fleet.baseline.BaselineService;
import io.homeshield.fleet.baseline.RevertMode;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.RouterPeers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The whole path on a TR-069 router: the router changes its DNS server on its own, the ACS reads it in
 * the router's next session (watch preset), HomeShield records the change, the baseline's revert rule
 * sets the provider's resolver again, and the router has it.
 */
@QuarkusTest
@TestProfile(RouterPeers.Profile.class)
class GenieAcsRevertTest {

    private static final String PROVIDER_DNS = "10.255.0.53";
    private static final String ROGUE_DNS = "203.0.113.66";

    @Inject
    AcsConfigReads reads;

    @Inject
    BaselineService baselines;

    private GenieAcsPeer acs;
    private String deviceId;
    private Tr069Cpe cpe;
    private UUID routerId;

    @BeforeEach
    void routerUnderABaseline() {
        RouterPeers.server().resetAll();
        acs = GenieAcsPeer.start().behind(RouterPeers.server());
        deviceId = "00256D-HSBox7-" + UUID.randomUUID().toString().substring(0, 8);
        cpe = acs.register(deviceId, Tr069Cpe.hsBox7()).cpe;
        String model = "HS-Box 7 R" + UUID.randomUUID().toString().substring(0, 6);
        routerId = Fixtures.household("acs-revert-" + UUID.randomUUID()).routerId();
        QuarkusTransaction.requiringNew().run(() -> {
            Router router = Router.findById(routerId);
            router.channel = ManagementChannel.GENIEACS;
            router.managementAddress = deviceId;
            router.model = model;
        });
        Actor analyst = new Actor("acs-revert-analyst", "analyst");
        Baseline baseline = baselines.save(model, "", "1.4.2, 1.5.0", analyst, "Provider standard configuration");
        baselines.saveParameter(baseline.id, "Device.DNS.Client.Server.{i}.DNSServer", PROVIDER_DNS, false,
                RevertMode.ENFORCE, analyst, "DNS must stay on the provider's resolver");
    }

    @AfterEach
    void stopPeer() {
        acs.close();
    }

    @Test
    void aDnsServerTheRouterChangedOnItsOwnIsPutBackOnTheRouter() {
        reads.readAll();
        acs.inform(deviceId);
        reads.readAll();

        cpe.changeLocally(DNS_1, ROGUE_DNS);
        acs.inform(deviceId);
        reads.readAll();

        EnforcementAction revert = await().atMost(Duration.ofSeconds(30)).until(this::settingsAction,
                a -> a != null && a.state == ActionState.VERIFIED);
        assertEquals(PROVIDER_DNS, cpe.value(DNS_1));
        assertEquals(ActionKind.SET_PARAMETERS, revert.kind);
    }

    private EnforcementAction settingsAction() {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.<EnforcementAction>find(
                "routerId = ?1 and kind = ?2", routerId, ActionKind.SET_PARAMETERS).firstResult());
    }
}
