package io.homeshield.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.spi.CDI;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertStatus;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.household.HouseholdMember;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The forms that guide a household to safety, as sent by a browser: release once fixed, trust, the time zone. */
@QuarkusTest
class PortalGuidanceTest {

    @Test
    @TestSecurity(user = "guide-owner", roles = "subscriber")
    void releasingOnceFixedResolvesTheDevicesAlertsAndNotFixedKeepsThemOpen() {
        TestHousehold home = Fixtures.newHousehold("guide-owner");
        Device fixed = Fixtures.device(home, "guide-fixed-camera", DeviceType.CAMERA);
        Alert fixedAlert = Fixtures.alert(fixed, "guide-fixed.example.net");
        Device notYet = Fixtures.device(home, "guide-not-yet-camera", DeviceType.CAMERA);
        Alert openAlert = Fixtures.alert(notYet, "guide-not-yet.example.net");

        PortalForms.Form form = PortalForms.from("/portal/devices/" + fixed.id);
        form.post().formParam("fixed", "yes").formParam("alert", fixedAlert.id.toString())
                .post("/portal/devices/" + fixed.id + "/release")
                .then().statusCode(303).header("Location", containsString("/portal/alerts/" + fixedAlert.id
                        + "?done=releasedFixed"));
        assertEquals(AlertStatus.RESOLVED, PortalTestData.alert(fixedAlert.id).status);

        form.post().formParam("fixed", "no").post("/portal/devices/" + notYet.id + "/release")
                .then().statusCode(303).header("Location", containsString("done=release"));
        assertEquals(AlertStatus.OPEN, PortalTestData.alert(openAlert.id).status);
    }

    @Test
    @TestSecurity(user = "guide-owner", roles = "subscriber")
    void anotherHouseholdsDeviceCannotBeReleasedNorItsAlertsResolved() {
        Fixtures.newHousehold("guide-owner");
        TestHousehold neighbours = Fixtures.newHousehold("guide-neighbour");
        Device theirs = Fixtures.device(neighbours, "guide-their-camera", DeviceType.CAMERA);
        Alert theirAlert = Fixtures.alert(theirs, "guide-theirs.example.net");

        PortalForms.Form form = PortalForms.from("/portal");
        form.post().formParam("fixed", "yes").post("/portal/devices/" + theirs.id + "/release")
                .then().statusCode(404);
        assertEquals(AlertStatus.OPEN, PortalTestData.alert(theirAlert.id).status);
        assertEquals(0, PortalTestData.actionsFor(theirs.id));
    }

    @Test
    @TestSecurity(user = "guide-owner", roles = "subscriber")
    void trustingADeviceWithAnOpenHighRiskAlertNeedsTheConfirmationOfWhatItSilences() {
        TestHousehold home = Fixtures.newHousehold("guide-owner");
        Device box = Fixtures.device(home, "guide-backup-box", DeviceType.LAPTOP);
        Alert alert = Fixtures.alert(box, "guide-backup.example.net");
        PortalForms.Form form = PortalForms.from("/portal/devices/" + box.id);

        form.post().formParam("comment", "our own backup box").post("/portal/devices/" + box.id + "/trust")
                .then().statusCode(400)
                .body(containsString("trusting the device silences these alerts"))
                .body(containsString("value=\"our own backup box\""));
        assertEquals(AlertStatus.OPEN, PortalTestData.alert(alert.id).status);

        form.post().formParam("comment", "our own backup box").formParam("silence", "yes")
                .post("/portal/devices/" + box.id + "/trust").then().statusCode(303);
        assertEquals(AlertStatus.NOT_A_THREAT, PortalTestData.alert(alert.id).status);
    }

    @Test
    @TestSecurity(user = "guide-owner", roles = "subscriber")
    void theBrowsersTimeZoneIsKeptForThePersonAndAnUnknownOneIsRefused() {
        Fixtures.newHousehold("guide-owner");
        PortalForms.Form form = PortalForms.from("/portal");
        form.post().formParam("zone", "Mars/Olympus_Mons").post("/portal/time-zone").then().statusCode(400);
        assertNull(zoneOf("guide-owner"));

        form.post().formParam("zone", "Europe/Berlin").post("/portal/time-zone").then().statusCode(204);
        assertEquals("Europe/Berlin", zoneOf("guide-owner"));
        given().get("/portal").then().statusCode(200).body(containsString("<body data-time-zone=\"Europe/Berlin\""));

        given().redirects().follow(false).formParam("zone", "Asia/Tokyo").post("/portal/time-zone")
                .then().statusCode(403);
        assertEquals("Europe/Berlin", zoneOf("guide-owner"));
    }

    @Test
    @TestSecurity(user = "guide-owner", roles = "subscriber")
    void aStaffVisitIsOneEntryOfTheActivityLogWithItsPages() {
        TestHousehold home = Fixtures.newHousehold("guide-owner");
        AuditLog audit = CDI.current().select(AuditLog.class).get();
        for (int page = 0; page < 3; page++) {
            QuarkusTransaction.requiringNew().run(() -> audit.append(new AuditRecord("guide-support-sam", "support",
                    home.id().value(), "household.view", "T-guide", null, "shown")));
        }
        String activity = given().get("/portal/activity").then().statusCode(200).extract().asString();
        assertEquals(1, activity.split("Provider staff looked at your household", -1).length - 1, activity);
        assertTrue(activity.contains("Provider staff looked at your household (3 pages)"));
    }

    private static String zoneOf(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> HouseholdMember.findBySubject(subject).timeZone);
    }
}
