package io.homeshield.routers.openwrt;

import static io.homeshield.routers.openwrt.UbusPeer.calledWith;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.RouterPeers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A quarantine requested in HomeShield reaches an OpenWrt router over ubus and is read back. */
@QuarkusTest
@TestProfile(RouterPeers.Profile.class)
class OpenWrtDispatchTest {

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String SID = "5d3f0c94e5a1d3f68c0e4a9b1d2c3e40";

    @Inject
    QuarantineService quarantines;

    private UbusPeer peer;

    @BeforeEach
    void resetPeer() {
        RouterPeers.server().resetAll();
        peer = new UbusPeer(RouterPeers.server());
        peer.healthy(SID);
    }

    @Test
    void aQuarantineGoesFromRequestedToVerifiedOnTheRouter() {
        TestHousehold home = openWrtHousehold("owrt-owner");
        Device camera = Fixtures.device(home, "IPCAM-77", DeviceType.CAMERA);
        String rule = "quarantine_" + camera.mac.replace(":", "").toLowerCase(Locale.ROOT);
        peer.uciGet(SID, rule, "[0,{\"values\":{\".anonymous\":false,\".type\":\"rule\",\".name\":\"" + rule + "\","
                + "\"name\":\"Quarantine\",\"src\":\"lan\",\"dest\":\"wan\",\"src_mac\":[\""
                + camera.mac.toLowerCase(Locale.ROOT) + "\"],\"target\":\"REJECT\",\"enabled\":\"1\"}}]");

        EnforcementAction action = quarantines.quarantine(home.id(), camera.id, QuarantineLevel.INTERNET_ONLY, null,
                Actor.subscriber("owrt-owner"), null, null);
        assertEquals(ActionState.REQUESTED, action.state);

        await().atMost(SOON).until(() -> reload(action.id).state == ActionState.VERIFIED);
        RouterPeers.server().verify(1, calledWith(SID, "uci", "add"));
        RouterPeers.server().verify(1, calledWith(SID, "uci", "confirm"));
    }

    @Test
    void anAclDenialFailsTheActionWithTheReasonInPlainWords() {
        TestHousehold home = openWrtHousehold("owrt-denied");
        Device laptop = Fixtures.device(home, "Lenovo-T14", DeviceType.LAPTOP);
        peer.uci(SID, "add", "[6]");

        EnforcementAction action = quarantines.quarantine(home.id(), laptop.id, QuarantineLevel.FULL, null,
                Actor.subscriber("owrt-denied"), null, null);

        await().atMost(SOON).until(() -> reload(action.id).state == ActionState.FAILED);
        assertEquals("The router does not let HomeShield's account change its firewall settings; the provider must "
                + "grant that account access on the router.", reload(action.id).lastError);
    }

    private TestHousehold openWrtHousehold(String subject) {
        TestHousehold home = Fixtures.household(subject);
        String url = peer.url();
        QuarkusTransaction.requiringNew().run(() -> {
            Router router = Router.findById(home.routerId());
            router.channel = ManagementChannel.OPENWRT;
            router.managementAddress = url;
        });
        return home;
    }

    private static EnforcementAction reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.findById(id));
    }
}
