package io.homeshield.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class PortalPagesTest {

    @Test
    @TestSecurity(user = "portal-pages-owner", roles = "subscriber")
    void theDashboardShowsTheHouseholdTheDevicesOnlineAndTheOpenAlerts() {
        TestHousehold home = Fixtures.household("portal-pages-owner");
        Device camera = Fixtures.device(home, "dash-garden-camera", DeviceType.CAMERA);
        Fixtures.alert(camera, "dash-c2.example.net");

        given().get("/portal").then().statusCode(200)
                .body(containsString("Household of portal-pages-owner"))
                .body(containsString("need attention"))
                .body(containsString("Devices online"))
                .body(containsString("Contact with a known malicious host"))
                .body(containsString("dash-garden-camera"))
                .body(containsString("href=\"/portal/alerts/"));
    }

    @Test
    @TestSecurity(user = "portal-pages-calm", roles = "subscriber")
    void aHouseholdWithoutOpenAlertsIsAllGood() {
        TestHousehold home = Fixtures.household("portal-pages-calm");
        Fixtures.device(home, "calm-laptop", DeviceType.LAPTOP);

        given().get("/portal").then().statusCode(200)
                .body(containsString("All good"))
                .body(containsString("No open alerts"))
                .body(not(containsString("need attention")));
    }

    @Test
    @TestSecurity(user = "portal-pages-owner", roles = "subscriber")
    void theDeviceListShowsTypeVendorAddressAndChips() {
        TestHousehold home = Fixtures.household("portal-pages-owner");
        Device tv = Fixtures.device(home, "list-living-room-tv", DeviceType.TV);
        PortalTestData.describe(tv, "Samsung Electronics", "192.168.1.23", true);
        Device printer = Fixtures.device(home, "list-office-printer", DeviceType.PRINTER);
        PortalTestData.describe(printer, "Brother", "192.168.1.40", false);
        Fixtures.alert(printer, "list-bad.example.org");

        String page = given().get("/portal/devices").then().statusCode(200).extract().asString();

        org.hamcrest.MatcherAssert.assertThat(page, allOf(
                containsString("list-living-room-tv"), containsString("Samsung Electronics"),
                containsString("192.168.1.23"), containsString(">TV"),
                containsString("list-office-printer"), containsString("Printer"),
                containsString("Online"), containsString("Offline"), containsString("Needs attention"),
                containsString("href=\"/portal/devices/" + tv.id + "\"")));
    }

    @Test
    @TestSecurity(user = "portal-pages-owner", roles = "subscriber")
    void theDevicePageShowsDetailsAndAlerts() {
        TestHousehold home = Fixtures.household("portal-pages-owner");
        Device camera = Fixtures.device(home, "page-hall-camera", DeviceType.CAMERA);
        PortalTestData.describe(camera, "Hikvision", "192.168.1.77", true);
        Alert alert = Fixtures.alert(camera, "page-c2.example.net");

        given().get("/portal/devices/" + camera.id).then().statusCode(200)
                .body(containsString("page-hall-camera"))
                .body(containsString(camera.mac))
                .body(containsString("192.168.1.77"))
                .body(containsString("Hikvision"))
                .body(containsString("Camera"))
                .body(containsString("First seen"))
                .body(containsString("href=\"/portal/alerts/" + alert.id + "\""))
                .body(containsString("Quarantine this device"))
                .body(containsString("never been quarantined"));
    }

    @Test
    @TestSecurity(user = "portal-pages-owner", roles = "subscriber")
    void theAlertsListAndTheEvidenceCardExplainWhatHappened() {
        TestHousehold home = Fixtures.household("portal-pages-owner");
        Device dvr = Fixtures.device(home, "alert-basement-dvr", DeviceType.CAMERA);
        Alert alert = Fixtures.alert(dvr, "alert-botnet.example.com");

        given().get("/portal/alerts").then().statusCode(200)
                .body(containsString("Contact with a known malicious host"))
                .body(containsString("alert-basement-dvr"))
                .body(containsString("href=\"/portal/alerts/" + alert.id + "\""));

        given().get("/portal/alerts/" + alert.id).then().statusCode(200)
                .body(containsString("What we saw"))
                .body(containsString("alert-botnet.example.com"))
                .body(containsString("Since when"))
                .body(containsString("Times seen"))
                .body(containsString("Why it matters"))
                .body(containsString("as a malware or botnet host"))
                .body(containsString("What to do"))
                .body(containsString("reset it to factory settings"))
                .body(containsString("href=\"/portal/devices/" + dvr.id + "\""))
                .body(containsString("href=\"/portal/devices/" + dvr.id + "/quarantine\""));
    }

    @Test
    @TestSecurity(user = "portal-pages-owner", roles = "subscriber")
    void namesFromTheNetworkAreShownAsTextNeverAsMarkup() {
        TestHousehold home = Fixtures.household("portal-pages-owner");
        Device odd = Fixtures.device(home, "<script>alert(1)</script>", DeviceType.UNKNOWN);

        given().get("/portal/devices/" + odd.id).then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(not(containsString("<script>alert(1)")));
    }

    @Test
    @TestSecurity(user = "portal-pages-owner", roles = "subscriber")
    void anUnknownDeviceIsAFriendlyNotFoundPage() {
        Fixtures.household("portal-pages-owner");

        given().get("/portal/devices/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("We couldn't find that"))
                .body(containsString("Back to your home network"));
        given().get("/portal/devices/not-a-device-id").then().statusCode(404)
                .contentType(containsString("text/html"));
    }

    @Test
    @TestSecurity(user = "portal-pages-stranger", roles = "subscriber")
    void aSignInWithoutAHouseholdIsToldWhatToDo() {
        given().get("/portal").then().statusCode(200)
                .body(containsString("not linked to a home network"))
                .body(containsString("contact your provider"));
        given().get("/portal/devices").then().statusCode(403)
                .body(containsString("not linked to a household"));
    }

    @Test
    void theLandingPageInvitesToSignIn() {
        given().get("/").then().statusCode(200)
                .body(containsString("Sign in"))
                .body(containsString("href=\"/portal\""))
                .body(containsString("Skip to main content"))
                .body(not(containsString("href=\"/admin\"")));
    }

    @Test
    @TestSecurity(user = "portal-pages-sam", roles = "support")
    void staffFindTheStaffPageFromTheLandingPage() {
        given().get("/").then().statusCode(200).body(containsString("href=\"/admin\""));
        // the portal is for subscribers; staff are shown the way to their own page
        given().get("/portal").then().statusCode(403)
                .body(containsString("href=\"/admin\""));
    }
}
