package io.homeshield.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** A subscriber of household A must not see or touch anything of household B. */
@QuarkusTest
@TestSecurity(user = "portal-iso-alice", roles = "subscriber")
class PortalIsolationTest {

    @Test
    void anotherHouseholdsDeviceAndAlertPagesDoNotExist() {
        Fixtures.household("portal-iso-alice");
        TestHousehold bobs = Fixtures.household("portal-iso-bob");
        Device bobsCamera = Fixtures.device(bobs, "iso-bobs-camera", DeviceType.CAMERA);
        Alert bobsAlert = Fixtures.alert(bobsCamera, "iso-bob-c2.example.net");

        given().get("/portal/devices/" + bobsCamera.id).then().statusCode(404)
                .body(not(containsString("iso-bobs-camera")));
        given().get("/portal/devices/" + bobsCamera.id + "/quarantine").then().statusCode(404);
        given().get("/portal/alerts/" + bobsAlert.id).then().statusCode(404)
                .body(not(containsString("iso-bob-c2.example.net")));

        given().get("/portal/devices").then().statusCode(200).body(not(containsString("iso-bobs-camera")));
        given().get("/portal/alerts").then().statusCode(200).body(not(containsString("iso-bob-c2.example.net")));
        given().get("/portal").then().statusCode(200).body(not(containsString("iso-bob-c2.example.net")));
    }

    @Test
    void quarantiningOrReleasingAnotherHouseholdsDeviceIsNotFoundAndStoresNothing() {
        TestHousehold alices = Fixtures.household("portal-iso-alice");
        Device alicesLaptop = Fixtures.device(alices, "iso-alices-laptop", DeviceType.LAPTOP);
        TestHousehold bobs = Fixtures.household("portal-iso-bob");
        Device bobsCamera = Fixtures.device(bobs, "iso-bobs-other-camera", DeviceType.CAMERA);
        PortalForms.Form alicesForm = PortalForms.from("/portal/devices/" + alicesLaptop.id + "/quarantine");

        alicesForm.post().formParam("duration", "1h").formParam("requestKey", alicesForm.requestKey())
                .post("/portal/devices/" + bobsCamera.id + "/quarantine")
                .then().statusCode(404).body(containsString("We couldn't find that"));
        alicesForm.post().post("/portal/devices/" + bobsCamera.id + "/release").then().statusCode(404);

        assertEquals(0, PortalTestData.actionsFor(bobsCamera.id));
        assertNull(PortalTestData.quarantineOf(bobsCamera.id));
    }
}
