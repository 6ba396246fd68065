package io.homeshield.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.portal.MessageFiles;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Every staff page in German carries no English text of the staff console's messages. */
@QuarkusTest
class StaffLanguageTest {

    @Test
    @TestSecurity(user = "language-sam", roles = "support")
    void supportPagesInGerman() {
        TestHousehold home = Fixtures.household("language-customer");
        Device camera = Fixtures.device(home, "language-camera", DeviceType.CAMERA);
        Fixtures.alert(camera, "language-c2.example");
        String base = "/admin/households/" + home.id();
        assertGerman("/admin", "/admin/households?q=" + camera.mac, "/admin/households?q=zz-nothing", base,
                base + "/devices/" + camera.id + "/quarantine", base + "/devices/" + camera.id + "/release",
                base + "/block", base + "/resend");
    }

    @Test
    @TestSecurity(user = "language-ana", roles = "analyst")
    void analystPagesInGerman() {
        Fixtures.alert(Fixtures.device(Fixtures.household("language-fleet"), "language-dvr", DeviceType.CAMERA),
                "language-fleet-c2.example");
        assertGerman("/admin", "/admin/fleet", "/admin/fleet/alerts", "/admin/fleet/reviews", "/admin/intel",
                "/admin/intel?q=example.com&own=x&expired=true");
        for (String path : List.of("/admin/fleet", "/admin/fleet/alerts")) {
            given().header("Accept-Language", "de").get(path).then().statusCode(200)
                    .body(containsString("Kontakt mit einem bekannten Schadsoftware-Server"))
                    .body(not(containsString("Contact with a known malicious host")));
        }
    }

    @Test
    @TestSecurity(user = "language-root", roles = "admin")
    void adminPagesInGerman() {
        assertGerman("/admin", "/admin/audit", "/admin/audit/verify", "/admin/configuration");
    }

    private static void assertGerman(String... paths) {
        List<String> english = MessageFiles.onlyInEnglish("staff");
        for (String path : paths) {
            String page = given().header("Accept-Language",
                    "de").accept("text/html").get(path).then().statusCode(200).extract().asString();
            List<String> left = english.stream().filter(page::contains).toList();
            assertTrue(left.isEmpty(), path + " in German still says: " + left);
            assertTrue(page.contains("lang=\"de\""), path);
        }
    }
}
