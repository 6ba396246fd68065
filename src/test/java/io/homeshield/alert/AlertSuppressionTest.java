package io.homeshield.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.net.MacAddress;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AlertSuppressionTest {

    @Inject
    AlertRaiser raiser;

    @Inject
    AlertReview review;

    @Test
    void aPatternConfirmedHarmlessIsNoLongerRaisedAnywhereWhileOthersStillAre() {
        String harmless = "backup-" + UUID.randomUUID() + ".example";
        String dangerous = "c2-" + UUID.randomUUID() + ".example";
        TestHousehold first = Fixtures.household("suppress-first");
        Device reporter = Fixtures.device(first, "suppress-nas", DeviceType.NAS);
        Alert reported = Fixtures.alert(reporter, harmless);
        QuarkusTransaction.requiringNew().run(() -> CdiLifecycle.markNotAThreat(first, reported));

        QuarkusTransaction.requiringNew().run(() -> review.confirm("KNOWN_BAD_DESTINATION", harmless,
                new Actor("suppress-ana", "analyst"), "The vendor's own backup service"));

        TestHousehold second = Fixtures.household("suppress-second");
        Device other = Fixtures.device(second, "suppress-other-nas", DeviceType.NAS);
        List<Alert> opened = QuarkusTransaction.requiringNew().call(() -> raiser.raise(second.routerId(),
                Map.of(other.macAddress(), Device.<Device>findById(other.id)),
                List.of(finding(other.macAddress(), harmless), finding(other.macAddress(), dangerous))));

        assertEquals(List.of(dangerous), opened.stream().map(a -> a.indicator).toList());
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Alert.count("deviceId = ?1 and indicator = ?2",
                other.id, harmless)));
        assertEquals(ReviewState.CONFIRMED, QuarkusTransaction.requiringNew().call(() -> AlertFeedback
                .<AlertFeedback>find("alertId", reported.id).singleResult().reviewState));
    }

    @Test
    void aRejectedReportOpensTheAlertAgainAndNothingIsSuppressed() {
        String indicator = "rejected-" + UUID.randomUUID() + ".example";
        TestHousehold home = Fixtures.household("suppress-rejected");
        Device camera = Fixtures.device(home, "suppress-camera", DeviceType.CAMERA);
        Alert alert = Fixtures.alert(camera, indicator);
        QuarkusTransaction.requiringNew().run(() -> CdiLifecycle.markNotAThreat(home, alert));

        int reopened = QuarkusTransaction.requiringNew().call(() -> review.reject("KNOWN_BAD_DESTINATION", indicator,
                new Actor("suppress-ana", "analyst"), "Listed by URLhaus as a Mozi controller"));

        assertEquals(1, reopened);
        assertEquals(AlertStatus.OPEN, QuarkusTransaction.requiringNew().call(
                () -> Alert.<Alert>findById(alert.id).status));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> AlertSuppression.count("indicator", indicator)));
    }

    private static Finding finding(MacAddress device, String indicator) {
        Instant now = Instant.now();
        return new Finding(device, AlertType.KNOWN_BAD_DESTINATION, indicator, indicator,
                Map.of("indicator", indicator, "indicatorKind", "DOMAIN", "feed", "test", "observed", 1), now, now, 1);
    }

    /** The household's own "not a threat", through the same service the portal uses. */
    private static final class CdiLifecycle {
        static void markNotAThreat(TestHousehold home, Alert alert) {
            jakarta.enterprise.inject.spi.CDI.current().select(AlertLifecycle.class).get().markNotAThreat(home.id(),
                    alert.id, Actor.subscriber("suppress-subscriber"), "It is our backup box");
        }
    }
}
