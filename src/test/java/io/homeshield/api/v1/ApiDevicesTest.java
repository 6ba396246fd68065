package io.homeshield.api.v1;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertStatus;
import io.homeshield.audit.Actor;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = ApiDevicesTest.SUBSCRIBER, roles = "subscriber")
class ApiDevicesTest {

    static final String SUBSCRIBER = "api-devices-alice";

    @Inject
    QuarantineService quarantines;

    Fixtures.TestHousehold household;
    Fixtures.TestHousehold neighbour;

    @BeforeEach
    void households() {
        // a fresh household per test: the list assertions count exactly what this test made
        household = Fixtures.newHousehold(SUBSCRIBER);
        neighbour = Fixtures.household("api-devices-bob");
    }

    @Test
    void listsTheHouseholdsDevicesWithTheirQuarantineAndOpenAlerts() {
        Device camera = Fixtures.device(household, "ipcam-1234", DeviceType.CAMERA);
        Device laptop = Fixtures.device(household, "laptop", DeviceType.LAPTOP);
        Fixtures.alert(camera, "malware.example.net");
        resolve(Fixtures.alert(camera, "other.example.net"));
        quarantines.quarantine(household.id(), camera.id, QuarantineLevel.FULL, Duration.ofHours(1),
                Actor.subscriber(SUBSCRIBER), null, null);
        Fixtures.device(neighbour, "neighbours-tv", DeviceType.TV);

        given().when().get("/api/v1/devices")
                .then().statusCode(200)
                .body("$", hasSize(2))
                .body("name", containsInAnyOrder("ipcam-1234", "laptop"))
                .body("find { it.id == '" + camera.id + "' }.mac", equalTo(camera.mac))
                .body("find { it.id == '" + camera.id + "' }.type", equalTo("CAMERA"))
                .body("find { it.id == '" + camera.id + "' }.openAlerts", equalTo(1))
                .body("find { it.id == '" + camera.id + "' }.quarantine.level", equalTo("FULL"))
                .body("find { it.id == '" + camera.id + "' }.quarantine.expiresAt", notNullValue())
                .body("find { it.id == '" + laptop.id + "' }.openAlerts", equalTo(0))
                .body("find { it.id == '" + laptop.id + "' }.quarantine", nullValue());
    }

    @Test
    void getsOneDeviceWithEveryField() {
        Device camera = Fixtures.device(household, "ipcam-1234", DeviceType.CAMERA);
        QuarkusTransaction.requiringNew().run(() -> {
            Device d = Device.findById(camera.id);
            d.ipAddress = "192.168.1.23";
            d.vendor = "Axis Communications AB";
            d.userLabel = "Front door";
        });
        Fixtures.alert(camera, "malware.example.net");

        given().when().get("/api/v1/devices/" + camera.id)
                .then().statusCode(200)
                .body("id", equalTo(camera.id.toString()))
                .body("name", equalTo("Front door"))
                .body("mac", equalTo(camera.mac))
                .body("ip", equalTo("192.168.1.23"))
                .body("hostname", equalTo("ipcam-1234"))
                .body("vendor", equalTo("Axis Communications AB"))
                .body("type", equalTo("CAMERA"))
                .body("userLabel", equalTo("Front door"))
                .body("firstSeen", notNullValue())
                .body("lastSeen", notNullValue())
                .body("online", equalTo(true))
                .body("quarantine", nullValue())
                .body("openAlerts", equalTo(1));
    }

    @Test
    void filtersByOnline() {
        Device online = Fixtures.device(household, "phone", DeviceType.PHONE);
        Device offline = Fixtures.device(household, "old-tablet", DeviceType.TABLET);
        QuarkusTransaction.requiringNew().run(() -> Device.update("online = false where id = ?1", offline.id));

        given().queryParam("online", "true").when().get("/api/v1/devices")
                .then().statusCode(200).body("id", containsInAnyOrder(online.id.toString()))
                .body("online", everyItem(equalTo(true)));
        given().queryParam("online", "false").when().get("/api/v1/devices")
                .then().statusCode(200).body("id", containsInAnyOrder(offline.id.toString()));
        given().queryParam("online", "yes").when().get("/api/v1/devices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("online"));
    }

    @Test
    void anotherHouseholdsDeviceDoesNotExist() {
        Device theirs = Fixtures.device(neighbour, "neighbours-tv", DeviceType.TV);

        given().when().get("/api/v1/devices/" + theirs.id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/devices/" + theirs.id));
        given().when().get("/api/v1/devices/" + theirs.id + "/actions")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anIdThatIsNotAUuidIsAProblemNotAStackTrace() {
        given().when().get("/api/v1/devices/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().when().get("/api/v1/devices/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static void resolve(Alert alert) {
        QuarkusTransaction.requiringNew().run(() -> Alert.update("status = ?1 where id = ?2", AlertStatus.RESOLVED,
                alert.id));
    }
}
