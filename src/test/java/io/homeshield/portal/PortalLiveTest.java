package io.homeshield.portal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.activity.HouseholdChange;
import io.homeshield.activity.HouseholdChangeFeed;
import io.homeshield.alert.AlertType;
import io.homeshield.audit.Actor;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.household.NotifyLevel;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/** Open pages hear about their own household's changes, from whichever instance made them. */
@QuarkusTest
class PortalLiveTest {

    @Inject
    HouseholdChangeFeed feed;

    @Inject
    QuarantineService quarantines;

    @Test
    void aQuarantineIsHeardRequestedAppliedAndVerifiedOnlyByItsHousehold() {
        TestHousehold home = Fixtures.household("portal-live-owner");
        TestHousehold neighbour = Fixtures.household("portal-live-neighbour");
        Device camera = Fixtures.device(home, "live-camera", DeviceType.CAMERA);
        AssertSubscriber<HouseholdChange> mine = feed.changes(home.id()).subscribe()
                .withSubscriber(AssertSubscriber.create(100));
        AssertSubscriber<HouseholdChange> theirs = feed.changes(neighbour.id()).subscribe()
                .withSubscriber(AssertSubscriber.create(100));

        quarantines.quarantine(home.id(), camera.id, QuarantineLevel.FULL, Duration.ofHours(1),
                Actor.subscriber("portal-live-owner"), null, null);

        mine.awaitItems(1, Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(20)).until(() -> mine.getItems().stream()
                .anyMatch(c -> c.deviceId().equals(camera.id) && "VERIFIED".equals(c.state())));
        assertTrue(mine.getItems().stream().allMatch(c -> c.household().equals(home.id().value())));
        assertEquals(List.of(), theirs.getItems());
        mine.cancel();
        theirs.cancel();
    }

    @Test
    void eachPersonIsToldOnlyWhatTheyAskedFor() {
        UUID device = UUID.randomUUID();
        HouseholdChange seriousAlert = new HouseholdChange(UUID.randomUUID(), "alert", UUID.randomUUID(), device,
                "OPEN",
                null, AlertType.SCANNING, true, "k1", Instant.now());
        HouseholdChange mildAlert = new HouseholdChange(UUID.randomUUID(), "alert", UUID.randomUUID(), device, "OPEN",
                null, AlertType.UPLOAD_SPIKE, false, "k2", Instant.now());
        PortalMessages english = PortalBundles.messages(Locale.ENGLISH);
        Map<UUID, String> names = Map.of(device, "Garden camera");

        LiveMessages serious = new LiveMessages(english, PortalBundles.alerts(Locale.ENGLISH), NotifyLevel.SERIOUS,
                names);
        assertEquals("New alert on Garden camera: Scanning the internet for devices to break into",
                serious.sentence(seriousAlert));
        assertEquals("", serious.sentence(mildAlert));
        assertEquals("", new LiveMessages(english, PortalBundles.alerts(Locale.ENGLISH), NotifyLevel.NONE,
                names).sentence(seriousAlert));
        assertTrue(new LiveMessages(PortalBundles.messages(Locale.GERMAN), PortalBundles.alerts(Locale.GERMAN),
                NotifyLevel.ALL, names)
                .sentence(mildAlert).startsWith("Neue Warnung zu Garden camera"));
        HouseholdChange routerAlert = new HouseholdChange(UUID.randomUUID(), "alert", UUID.randomUUID(), null, "OPEN",
                null, AlertType.ROUTER_DNS_HIJACK, true, "k3", Instant.now());
        assertEquals("New alert on Router: Your router's internet phone book was changed",
                serious.sentence(routerAlert));
    }
}
