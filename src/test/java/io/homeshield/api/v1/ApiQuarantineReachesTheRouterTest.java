package io.homeshield.api.v1;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.routers.simulated.SimulatedRouters;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The mobile app's quarantine, followed from the 202 to the router's access-control table and back. */
@QuarkusTest
@TestSecurity(user = ApiQuarantineReachesTheRouterTest.SUBSCRIBER, roles = "subscriber")
class ApiQuarantineReachesTheRouterTest {

    static final String SUBSCRIBER = "api-router-alice";

    @Inject
    SimulatedRouters routers;

    @Test
    void quarantineGoesFromRequestedToAppliedAndVerifiedOnTheSimulatedRouterAndReleaseUndoesIt() {
        TestHousehold home = Fixtures.household(SUBSCRIBER);
        Device camera = Fixtures.device(home, "IPCAM-API", DeviceType.CAMERA);

        String location = given().contentType("application/json").body("{\"duration\":\"PT24H\"}")
                .when().post("/api/v1/devices/" + camera.id + "/quarantine")
                .then().statusCode(202).body("state", equalTo("REQUESTED"))
                .extract().header("Location");
        await().atMost(Duration.ofSeconds(15)).until(() -> "VERIFIED".equals(given().get(location).path("state")));
        assertTrue(routers.denies(home.routerId(), camera.macAddress()), "the router blocks the camera");
        assertEquals("Deny", routers.accessControl(home.routerId()).get(0).accessPolicy());

        String release = given().contentType("application/json").body("{}")
                .when().post("/api/v1/devices/" + camera.id + "/release")
                .then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(15)).until(() -> "VERIFIED".equals(given().get(release).path("state")));
        assertFalse(routers.denies(home.routerId(), camera.macAddress()));
    }
}
