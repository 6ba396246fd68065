package io.homeshield.enforcement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditEntry;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.Router;
import io.homeshield.routers.simulated.AccessControlEntry;
import io.homeshield.routers.simulated.SimulatedRouters;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class QuarantineDispatchTest {

    private static final Duration SOON = Duration.ofSeconds(15);

    @Inject
    QuarantineService quarantines;

    @Inject
    SimulatedRouters routers;

    @Inject
    RouterCommands commands;

    @Test
    void aQuarantineGoesFromRequestedToVerifiedOnTheRouterAndAReleaseUndoesIt() {
        TestHousehold home = Fixtures.household("dispatch-owner");
        Device camera = Fixtures.device(home, "IPCAM-4F2A", DeviceType.CAMERA);

        EnforcementAction quarantine = quarantines.quarantine(home.id(), camera.id, QuarantineLevel.FULL,
                Duration.ofHours(1), Actor.subscriber("dispatch-owner"), null, null);
        assertEquals(ActionState.REQUESTED, quarantine.state);

        awaitState(quarantine.id, ActionState.VERIFIED);
        List<AccessControlEntry> table = routers.accessControl(home.routerId());
        assertEquals(1, table.size());
        AccessControlEntry entry = table.get(0);
        assertEquals(camera.mac, entry.physAddress());
        assertEquals("Deny", entry.accessPolicy());
        assertEquals("Controller", entry.origin());
        assertTrue(entry.enable());

        EnforcementAction release = quarantines.release(home.id(), camera.id, Actor.subscriber("dispatch-owner"), null,
                null);
        awaitState(release.id, ActionState.VERIFIED);
        assertTrue(routers.accessControl(home.routerId()).isEmpty());
        assertTrue(quarantines.quarantineOf(home.id(), camera.id).isEmpty());

        List<String> outcomes = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "householdId = ?1 order by id", home.id().value()).stream().map(e -> e.action + ":"
                        + e.outcome).toList());
        assertEquals(List.of("device.quarantine:requested", "device.quarantine:verified", "device.release:requested",
                "device.release:verified"), outcomes);
    }

    @Test
    void anOfflineRouterIsRetriedWithTheReasonShownAndTheQuarantineLandsWhenItIsBack() {
        TestHousehold home = Fixtures.household("dispatch-offline");
        Device tv = Fixtures.device(home, "LGwebOSTV", DeviceType.TV);
        routers.setReachable(home.routerId(), false);
        try {
            EnforcementAction action = quarantines.quarantine(home.id(), tv.id, QuarantineLevel.FULL, null,
                    Actor.subscriber("dispatch-offline"), null, null);
            await().atMost(SOON).until(() -> reload(action.id).attempts >= 1 && reload(action.id).lastError != null);
            EnforcementAction waiting = reload(action.id);
            assertEquals(ActionState.REQUESTED, waiting.state);
            assertTrue(waiting.lastError.contains("did not answer"), waiting.lastError);
            assertFalse(routers.denies(home.routerId(), tv.macAddress()));

            routers.setReachable(home.routerId(), true);
            awaitState(action.id, ActionState.VERIFIED);
            assertTrue(routers.denies(home.routerId(), tv.macAddress()));
        } finally {
            routers.setReachable(home.routerId(), true);
        }
    }

    @Test
    void aRouterOutOfReachKeepsItsQuarantineWaitingAndGetsItTheMomentItSendsTelemetryAgain() {
        TestHousehold home = Fixtures.household("dispatch-away");
        Device camera = Fixtures.device(home, "IPCAM-AWAY", DeviceType.CAMERA);
        routers.setReachable(home.routerId(), false);
        EnforcementAction action;
        try {
            action = quarantines.quarantine(home.id(), camera.id, QuarantineLevel.FULL, null,
                    Actor.subscriber("dispatch-away"), null, null);
            // Waiting between attempts, and for longer than the test's backoff: only the router's return brings it
            // forward.
            await().atMost(SOON).until(() -> waiting(action.id, "attempts >= 3",
                    "nextAttemptAt = ?1", Instant.now().plus(Duration.ofHours(1))));
            assertEquals(ActionState.REQUESTED, reload(action.id).state);
        } finally {
            routers.setReachable(home.routerId(), true);
        }
        QuarkusTransaction.requiringNew().run(() -> Router.<Router>findById(home.routerId()).lastContactAt =
                Instant.now().minus(Duration.ofMinutes(10)));

        given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret()).contentType(ContentType.JSON)
                .body(Batches.of(home.routerId(), 1).host(camera.mac, "192.168.1.40", "IPCAM-AWAY", true).build())
                .when().post("/ingest/v1/batches").then().statusCode(202);

        awaitState(action.id, ActionState.VERIFIED);
        assertTrue(routers.denies(home.routerId(), camera.macAddress()));
    }

    @Test
    void aRouterSlowToAnswerHoldsUpOnlyItsOwnActions() {
        TestHousehold slow = Fixtures.household("dispatch-slow");
        TestHousehold quick = Fixtures.household("dispatch-quick");
        Device slowCamera = Fixtures.device(slow, "IPCAM-SLOW", DeviceType.CAMERA);
        Device quickCamera = Fixtures.device(quick, "IPCAM-QUICK", DeviceType.CAMERA);
        routers.setAnswerTime(slow.routerId(), Duration.ofSeconds(8));
        try {
            EnforcementAction held = quarantines.quarantine(slow.id(), slowCamera.id, QuarantineLevel.FULL, null,
                    Actor.subscriber("dispatch-slow"), null, null);
            await().atMost(SOON).until(() -> reload(held.id).state == ActionState.DISPATCHED);

            EnforcementAction other = quarantines.quarantine(quick.id(), quickCamera.id, QuarantineLevel.FULL, null,
                    Actor.subscriber("dispatch-quick"), null, null);

            await().atMost(Duration.ofSeconds(5)).until(() -> reload(other.id).state == ActionState.VERIFIED);
            assertEquals(ActionState.DISPATCHED, reload(held.id).state, "the slow router is still answering");
        } finally {
            routers.setAnswerTime(slow.routerId(), Duration.ZERO);
        }
    }

    @Test
    void anActionStillOutOfReachAfterTheRetryPeriodFailsWithTheReason() {
        TestHousehold home = Fixtures.household("dispatch-gone");
        Device tv = Fixtures.device(home, "LGwebOSTV", DeviceType.TV);
        routers.setReachable(home.routerId(), false);
        try {
            EnforcementAction action = quarantines.quarantine(home.id(), tv.id, QuarantineLevel.FULL, null,
                    Actor.subscriber("dispatch-gone"), null, null);
            await().atMost(SOON).until(() -> waiting(action.id, "attempts >= 1",
                    "requestedAt = ?1", Instant.now().minus(Duration.ofHours(25))));

            awaitState(action.id, ActionState.FAILED);
            String reason = reload(action.id).lastError;
            assertTrue(reason.startsWith("Gave up after trying for 24 hours."), reason);
            assertTrue(reason.contains("did not answer"), reason);
        } finally {
            routers.setReachable(home.routerId(), true);
        }
    }

    @Test
    void aRestartOfARouterOutOfReachIsGivenUpAfterItsAttemptsNotKeptForADay() {
        TestHousehold home = Fixtures.household("dispatch-restart-gone");
        routers.setReachable(home.routerId(), false);
        try {
            EnforcementAction restart = QuarkusTransaction.requiringNew()
                    .call(() -> commands.reboot(home.routerId(), "dispatch-test"));
            await().atMost(SOON).until(() -> waiting(restart.id, "attempts >= 1",
                    "attempts = 5, nextAttemptAt = ?1", Instant.now()));

            awaitState(restart.id, ActionState.FAILED);
            String reason = reload(restart.id).lastError;
            assertTrue(reason.startsWith("Gave up after 6 attempts."), reason);
            assertEquals(0, routers.restarts(home.routerId()));
        } finally {
            routers.setReachable(home.routerId(), true);
        }
    }

    @Test
    void aLevelTheRouterCannotEnforceFailsWithTheReason() {
        TestHousehold home = Fixtures.household("dispatch-unsupported");
        Device laptop = Fixtures.device(home, "Lenovo-T14", DeviceType.LAPTOP);
        EnforcementAction action = quarantines.quarantine(home.id(), laptop.id, QuarantineLevel.INTERNET_ONLY, null,
                Actor.subscriber("dispatch-unsupported"), null, null);
        awaitState(action.id, ActionState.FAILED);
        assertNotNull(reload(action.id).lastError);
        assertTrue(reload(action.id).lastError.contains("internet-only isolation is not supported"));
        assertTrue(routers.accessControl(home.routerId()).isEmpty());
    }

    @Test
    void backoffDoublesUpToItsLimit() {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertEquals(Duration.ofSeconds(2), backoff.after(1));
        assertEquals(Duration.ofSeconds(4), backoff.after(2));
        assertEquals(Duration.ofSeconds(16), backoff.after(4));
        assertEquals(Duration.ofSeconds(30), backoff.after(5));
        assertEquals(Duration.ofSeconds(30), backoff.after(60));
    }

    /** Changes an action that waits for its next attempt (not one a worker holds); true once it did. */
    private static boolean waiting(UUID actionId, String condition, String change, Instant value) {
        return QuarkusTransaction.requiringNew().call(()
                -> EnforcementAction.update(change + " where id = ?2 and state = ?3 "
                + "and lastError is not null and " + condition, value, actionId, ActionState.REQUESTED)) == 1;
    }

    private static void awaitState(UUID actionId, ActionState state) {
        await().atMost(SOON).until(() -> reload(actionId).state == state);
    }

    private static EnforcementAction reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.findById(id));
    }
}
