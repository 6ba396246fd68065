package io.homeshield.telemetry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertFeedback;
import io.homeshield.alert.AlertLifecycle;
import io.homeshield.alert.AlertStatus;
import io.homeshield.audit.Actor;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.household.Household;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceActivityQueries;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ActivityAndAutoQuarantineTest {

    @Inject
    DeviceActivityQueries activity;

    @Inject
    AlertLifecycle lifecycle;

    @Test
    void trafficIsRolledUpPerHourAndDestinationAcrossBatches() {
        TestHousehold home = Fixtures.household("activity-owner");
        String tv = Fixtures.randomMac().value();
        post(home, Batches.of(home.routerId(), 1).host(tv, "192.168.1.30", "LGwebOSTV", true)
                .dns(tv, "nflxvideo.net", "45.57.40.1").flow(tv, "45.57.40.1", 443).flow(tv, "45.57.40.1", 443)
                .flow(tv, "93.184.216.34", 443).build());
        post(home, Batches.of(home.routerId(), 2).flow(tv, "45.57.40.1", 443).build());

        Device device = deviceOf(home, tv);
        List<DeviceActivityQueries.HourlyTraffic> hours = activity.hourly(home.id(), device.id,
                Instant.now().minus(Duration.ofHours(3)));
        long flows = hours.stream().mapToLong(DeviceActivityQueries.HourlyTraffic::flows).sum();
        long bytesIn = hours.stream().mapToLong(DeviceActivityQueries.HourlyTraffic::bytesIn).sum();
        assertEquals(4, flows);
        assertEquals(4 * 1337, bytesIn);
        assertEquals(1, hours.stream().mapToLong(DeviceActivityQueries.HourlyTraffic::lookups).sum());

        List<DeviceActivityQueries.TopDestination> top = activity.topDestinations(home.id(), device.id,
                Instant.now().minus(Duration.ofDays(1)), 5);
        assertEquals("nflxvideo.net", top.get(0).destination(), "named after the lookup in the same batch");
        assertEquals(3, top.get(0).connections(), "a later batch's connection keeps the name");
        assertEquals("93.184.216.34", top.get(1).destination());

        TestHousehold other = Fixtures.household("activity-other");
        assertTrue(activity.hourly(other.id(), device.id, Instant.EPOCH).isEmpty(), "another household sees nothing");
    }

    @Test
    void aHouseholdThatOptedInGetsASeriousAlertsDeviceQuarantinedAutomatically() {
        TestHousehold home = Fixtures.household("auto-owner");
        QuarkusTransaction.requiringNew()
                .run(() -> Household.<Household>findById(home.id().value()).autoQuarantine = true);
        String camera = Fixtures.randomMac().value();
        post(home, Batches.of(home.routerId(), 1).dns(camera, "zidomasones.com").build());

        Device device = deviceOf(home, camera);
        DeviceQuarantine quarantine = QuarkusTransaction.requiringNew()
                .call(() -> DeviceQuarantine.findById(device.id));
        assertEquals("auto-quarantine", quarantine.requestedBy);
        await().atMost(Duration.ofSeconds(15)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> io.homeshield.enforcement.EnforcementAction.count("deviceId = ?1 and state = ?2", device.id,
                        io.homeshield.enforcement.ActionState.VERIFIED)) == 1);
    }

    @Test
    void notAThreatKeepsTheSamePatternQuietAndGoesToTheAnalystsReview() {
        TestHousehold home = Fixtures.household("feedback-owner");
        String speaker = Fixtures.randomMac().value();
        post(home, Batches.of(home.routerId(), 1).dns(speaker, "zidomasones.com").build());
        Alert alert = QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>find("routerId", home.routerId())
                .singleResult());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> DeviceQuarantine.findById(alert.deviceId)) == null,
                "no automatic quarantine without the household's consent");

        lifecycle.markNotAThreat(home.id(), alert.id, Actor.subscriber("feedback-owner"), "It is our own test server");
        post(home, Batches.of(home.routerId(), 2).dns(speaker, "zidomasones.com").build());

        Alert after = QuarkusTransaction.requiringNew().call(() -> Alert.findById(alert.id));
        assertEquals(AlertStatus.NOT_A_THREAT, after.status);
        assertEquals(2, after.occurrences);
        AlertFeedback feedback = QuarkusTransaction.requiringNew().call(() -> AlertFeedback.<AlertFeedback>find(
                "alertId", alert.id).singleResult());
        assertEquals("It is our own test server", feedback.comment);
        assertEquals("PENDING", feedback.reviewState.name());
    }

    private static void post(TestHousehold home, Map<String, Object> batch) {
        given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret()).contentType(ContentType.JSON)
                .body(batch).when().post("/ingest/v1/batches").then().statusCode(202);
    }

    private static Device deviceOf(TestHousehold home, String mac) {
        return QuarkusTransaction.requiringNew().call(() -> Device.<Device>find("routerId = ?1 and mac = ?2",
                home.routerId(), mac).singleResult());
    }
}
