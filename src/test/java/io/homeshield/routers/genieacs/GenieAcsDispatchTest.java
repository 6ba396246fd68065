package io.homeshield.routers.genieacs;

import static io.homeshield.routers.genieacs.GenieAcsPeer.DEVICE;
import static io.homeshield.routers.genieacs.Tr069Cpe.ACCESS_CONTROL;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
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

/** A quarantine requested in HomeShield reaches a TR-069 router through GenieACS and is read back. */
@QuarkusTest
@TestProfile(RouterPeers.Profile.class)
class GenieAcsDispatchTest {

    private static final Duration SOON = Duration.ofSeconds(20);

    @Inject
    QuarantineService quarantines;

    private GenieAcsPeer acs;

    @BeforeEach
    void startPeer() {
        RouterPeers.server().resetAll();
        acs = GenieAcsPeer.start().behind(RouterPeers.server());
    }

    @AfterEach
    void stopPeer() {
        acs.close();
    }

    @Test
    void aQuarantineGoesFromRequestedToVerifiedThroughTheAcs() {
        TestHousehold home = acsHousehold("acs-owner");
        Device camera = Fixtures.device(home, "IPCAM-4F2A", DeviceType.CAMERA);

        EnforcementAction action = quarantines.quarantine(home.id(), camera.id, QuarantineLevel.FULL, null,
                Actor.subscriber("acs-owner"), null, null);
        assertEquals(ActionState.REQUESTED, action.state);

        await().atMost(SOON).until(() -> reload(action.id).state == ActionState.VERIFIED);
        assertEquals(1, acs.cpe().rpcCount("AddObject"));
        assertEquals(1, deniedRows(camera.mac));
    }

    @Test
    void aQuarantineForAnOfflineRouterWaitsWithTheReasonAndIsVerifiedOnceTheRouterIsBack() {
        TestHousehold home = acsHousehold("acs-offline");
        Device tv = Fixtures.device(home, "LGwebOSTV", DeviceType.TV);
        acs.cpe().online = false;

        EnforcementAction action = quarantines.quarantine(home.id(), tv.id, QuarantineLevel.FULL, null,
                Actor.subscriber("acs-offline"), null, null);
        await().atMost(SOON).until(() -> reload(action.id).lastError != null);
        EnforcementAction waiting = reload(action.id);
        assertEquals(ActionState.REQUESTED, waiting.state);
        assertTrue(waiting.lastError.startsWith("The router is offline"), waiting.lastError);
        assertTrue(acs.device().tags().contains("quarantine_" + tv.mac.replace(":", "")));

        // The router connects; the ACS's preset puts the entry in place in that session.
        acs.cpe().online = true;
        acs.inform();
        assertEquals(1, deniedRows(tv.mac));
        await().atMost(SOON).until(() -> reload(action.id).state == ActionState.VERIFIED);
        assertEquals(1, acs.cpe().rpcCount("AddObject"), "HomeShield found the ACS's entry and added none");
    }

    private long deniedRows(String mac) {
        Tr069Cpe cpe = acs.cpe();
        return cpe.rows(ACCESS_CONTROL).stream()
                .filter(row -> mac.equalsIgnoreCase(cpe.value(ACCESS_CONTROL + "." + row + ".PhysAddress")))
                .filter(row -> "Deny".equals(cpe.value(ACCESS_CONTROL + "." + row + ".AccessPolicy"))).count();
    }

    private static TestHousehold acsHousehold(String subject) {
        TestHousehold home = Fixtures.household(subject);
        QuarkusTransaction.requiringNew().run(() -> {
            Router router = Router.findById(home.routerId());
            router.channel = ManagementChannel.GENIEACS;
            router.managementAddress = DEVICE;
        });
        return home;
    }

    private static EnforcementAction reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.findById(id));
    }
}
