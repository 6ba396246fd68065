package io.homeshield.routers.genieacs;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.homeshield.routers.genieacs.GenieAcsPeer.DEVICE;
import static io.homeshield.routers.genieacs.GenieAcsPeer.encoded;
import static io.homeshield.routers.genieacs.GenieAcsPeer.row;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

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
    void resetPeer() {
        RouterPeers.server().resetAll();
        acs = new GenieAcsPeer(RouterPeers.server());
        acs.healthy();
    }

    @Test
    void aQuarantineGoesFromRequestedToVerifiedThroughTheAcs() {
        TestHousehold home = acsHousehold("acs-owner");
        Device camera = Fixtures.device(home, "IPCAM-4F2A", DeviceType.CAMERA);
        acs.taskDone("refreshObject");
        acs.accessControl(Scenario.STARTED, "");
        acs.addObjectMovesTo("added");
        acs.accessControl("added", row(1, camera.mac, "Deny", true));

        EnforcementAction action = quarantines.quarantine(home.id(), camera.id, QuarantineLevel.FULL, null,
                Actor.subscriber("acs-owner"), null, null);
        assertEquals(ActionState.REQUESTED, action.state);

        await().atMost(SOON).until(() -> reload(action.id).state == ActionState.VERIFIED);
        RouterPeers.server().verify(1, postRequestedFor(urlPathEqualTo(acs.tasksPath()))
                .withRequestBody(matchingJsonPath("$.name", equalTo("addObject")))
                .withRequestBody(matchingJsonPath("$.parameterValues[0][1]", equalTo(camera.mac))));
    }

    @Test
    void aQuarantineForAnOfflineRouterWaitsWithTheReasonAndIsVerifiedOnceTheRouterIsBack() {
        TestHousehold home = acsHousehold("acs-offline");
        Device tv = Fixtures.device(home, "LGwebOSTV", DeviceType.TV);
        acs.taskQueued("refreshObject");

        EnforcementAction action = quarantines.quarantine(home.id(), tv.id, QuarantineLevel.FULL, null,
                Actor.subscriber("acs-offline"), null, null);
        await().atMost(SOON).until(() -> reload(action.id).lastError != null);
        EnforcementAction waiting = reload(action.id);
        assertEquals(ActionState.REQUESTED, waiting.state);
        assertTrue(waiting.lastError.startsWith("The router is offline"), waiting.lastError);
        String tag = "/devices/" + encoded(DEVICE) + "/tags/quarantine_" + tv.mac.replace(":", "");
        RouterPeers.server().verify(postRequestedFor(urlPathEqualTo(tag)));

        // The router connects; the ACS's preset has put the entry in place in that session.
        acs.taskDone("refreshObject");
        acs.accessControl(null, row(1, tv.mac, "Deny", true));
        await().atMost(SOON).until(() -> reload(action.id).state == ActionState.VERIFIED);
        RouterPeers.server().verify(0, postRequestedFor(urlPathEqualTo(acs.tasksPath()))
                .withRequestBody(matchingJsonPath("$.name", equalTo("addObject"))));
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
