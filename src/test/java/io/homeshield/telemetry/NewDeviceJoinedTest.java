package io.homeshield.telemetry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.Severity;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class NewDeviceJoinedTest {

    @Test
    void aDeviceJoiningAnEstablishedHouseholdIsAnnouncedOnce() {
        TestHousehold home = Fixtures.household("joined-established");
        establishedForTwoHours(home);
        String phone = "3C:22:FB:" + Fixtures.randomMac().value().substring(9);

        post(home, Batches.of(home.routerId(), 1).host(phone, "192.168.1.77", "Alices-iPhone", true))
                .body("alertsOpened", equalTo(1));
        post(home, Batches.of(home.routerId(), 2).host(phone, "192.168.1.77", "Alices-iPhone", true)
                .flow(phone, "17.248.145.20", 443)).body("alertsOpened", equalTo(0));

        List<Alert> alerts = inTx(() -> Alert.<Alert>list("routerId = ?1 and type = 'NEW_DEVICE'", home.routerId()));
        assertEquals(1, alerts.size());
        Alert alert = alerts.get(0);
        assertEquals(Severity.LOW, alert.severity);
        assertEquals("Apple, Inc. Alices-iPhone", alert.indicator);
        assertTrue(alert.evidence.contains("\"mac\":\"" + phone + "\""), alert.evidence);
        Device device = inTx(() -> Device.<Device>find("routerId = ?1 and mac = ?2", home.routerId(), phone)
                .singleResult());
        assertEquals(device.id, alert.deviceId);
    }

    @Test
    void theFirstInventoryOfANewHouseholdIsNotNews() {
        TestHousehold home = Fixtures.household("joined-new-household");
        String tv = Fixtures.randomMac().value();
        String printer = Fixtures.randomMac().value();
        post(home, Batches.of(home.routerId(), 1).host(tv, "192.168.1.10", "living-room-tv", true));
        post(home, Batches.of(home.routerId(), 2).host(printer, "192.168.1.11", "BRW0080927AFBCE", true)
                .host(tv, "192.168.1.10", "living-room-tv", true));
        assertEquals(0L, inTx(() -> Alert.count("routerId", home.routerId())));
    }

    @Test
    void aDeviceMovingToTheHouseholdsOtherRouterIsNotNew() {
        TestHousehold downstairs = Fixtures.household("joined-mesh");
        TestHousehold upstairs = Fixtures.household("joined-mesh");
        establishedForTwoHours(downstairs);
        establishedForTwoHours(upstairs);
        String laptop = Fixtures.randomMac().value();
        post(downstairs, Batches.of(downstairs.routerId(), 1).host(laptop, "192.168.1.30", "work-laptop", true))
                .body("alertsOpened", equalTo(1));
        post(upstairs, Batches.of(upstairs.routerId(), 1).host(laptop, "192.168.1.31", "work-laptop", true))
                .body("alertsOpened", equalTo(0));
    }

    /** The router has reported its inventory for two hours already. */
    private static void establishedForTwoHours(TestHousehold home) {
        Device known = Fixtures.device(home, "kitchen-speaker", DeviceType.SPEAKER);
        QuarkusTransaction.requiringNew().run(() -> Device.update("firstSeen = ?1 where id = ?2",
                Instant.now().minus(Duration.ofHours(2)), known.id));
    }

    private static io.restassured.response.ValidatableResponse post(TestHousehold home, Batches batch) {
        return given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret())
                .contentType(ContentType.JSON).body(batch.build())
                .when().post("/ingest/v1/batches").then().statusCode(202);
    }

    private static <T> T inTx(Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }
}
