package io.homeshield.enforcement;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import io.homeshield.routers.simulated.SimulatedRouters;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReconcilerTest {

    private static final Duration SOON = Duration.ofSeconds(15);

    @Inject
    QuarantineService quarantines;

    @Inject
    Reconciler reconciler;

    @Inject
    QuarantineExpiry expiry;

    @Inject
    SimulatedRouters routers;

    @Test
    void aRouterThatLostItsSettingsGetsTheQuarantineBack() {
        TestHousehold home = Fixtures.household("reconcile-reset");
        Device camera = Fixtures.device(home, "IPCAM-77", DeviceType.CAMERA);
        EnforcementAction first = quarantines.quarantine(home.id(), camera.id, QuarantineLevel.FULL, null,
                Actor.subscriber("reconcile-reset"), null, null);
        awaitState(first.id, ActionState.VERIFIED);

        routers.factoryReset(home.routerId());
        assertFalse(routers.denies(home.routerId(), camera.macAddress()));

        assertTrue(reconciler.reconcileNow() >= 1);
        await().atMost(SOON).until(() -> routers.denies(home.routerId(), camera.macAddress()));
        List<EnforcementAction> actions = actionsOf(camera.id);
        assertEquals(2, actions.size());
        assertEquals("homeshield", actions.get(1).requestedBy);
        awaitState(actions.get(1).id, ActionState.VERIFIED);

        assertEquals(0, countDriftFor(camera.id), "a router in line is left alone");
    }

    @Test
    void anExpiredQuarantineIsLifted() {
        TestHousehold home = Fixtures.household("reconcile-expiry");
        Device phone = Fixtures.device(home, "Alices-iPhone", DeviceType.PHONE);
        EnforcementAction action = quarantines.quarantine(home.id(), phone.id, QuarantineLevel.FULL,
                Duration.ofHours(1), Actor.subscriber("reconcile-expiry"), null, null);
        awaitState(action.id, ActionState.VERIFIED);
        QuarkusTransaction.requiringNew().run(() -> {
            DeviceQuarantine q = DeviceQuarantine.findById(phone.id);
            q.expiresAt = Instant.now().minusSeconds(1);
        });

        expiry.liftExpired();

        assertTrue(quarantines.quarantineOf(home.id(), phone.id).isEmpty());
        List<EnforcementAction> actions = actionsOf(phone.id);
        assertEquals(ActionKind.RELEASE, actions.get(1).kind);
        awaitState(actions.get(1).id, ActionState.VERIFIED);
        assertFalse(routers.denies(home.routerId(), phone.macAddress()));
        String reason = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                "householdId = ?1 and action = 'device.release' and outcome = 'requested'", home.id().value())
                .singleResult().reason);
        assertEquals("The quarantine's time was up.", reason);
    }

    private int countDriftFor(UUID deviceId) {
        reconciler.reconcileNow();
        return (int) actionsOf(deviceId).stream().filter(a -> a.state != ActionState.VERIFIED).count();
    }

    private static List<EnforcementAction> actionsOf(UUID deviceId) {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.<EnforcementAction>list(
                "deviceId = ?1 order by requestedAt", deviceId));
    }

    private static void awaitState(UUID actionId, ActionState state) {
        await().atMost(SOON).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> EnforcementAction.<EnforcementAction>findById(actionId)).state == state);
    }
}
