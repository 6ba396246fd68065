package io.homeshield.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = "portal-week-alice", roles = "subscriber")
class WeeklySummaryPageTest {

    @Test
    void theWeekShowsTheHouseholdsOwnFiguresAndChartsAndNothingOfAnotherHousehold() {
        TestHousehold alices = Fixtures.newHousehold("portal-week-alice");
        Device printer = Fixtures.device(alices, "week-alices-printer", DeviceType.PRINTER);
        Device tv = Fixtures.device(alices, "week-alices-tv", DeviceType.TV);
        QuarkusTransaction.requiringNew().run(() -> Device.<Device>findById(tv.id).firstSeen =
                Instant.now().minus(Duration.ofDays(40)));
        Fixtures.alert(printer, "week-alice-" + UUID.randomUUID() + ".example");
        PortalTestData.traffic(printer.id);

        TestHousehold bobs = Fixtures.newHousehold("portal-week-bob-" + UUID.randomUUID());
        Device bobsCamera = Fixtures.device(bobs, "week-bobs-camera", DeviceType.CAMERA);
        Fixtures.alert(bobsCamera, "week-bob.example");
        Fixtures.alert(bobsCamera, "week-bob-2.example");
        PortalTestData.traffic(bobsCamera.id);

        given().get("/portal/week").then().statusCode(200).body(allOf(
                containsString("Your network this week"),
                containsString("data-figure=\"devices\">2<"),
                containsString("data-figure=\"new-devices\">1<"),
                containsString("data-figure=\"alerts\">1<"),
                // PortalTestData.traffic: 5 + g lookups in each of the last 24 hours
                containsString("data-figure=\"lookups\">396<"),
                containsString("href=\"/portal/devices/" + printer.id + "\""),
                containsString("Alerts per day"), containsString("<svg"),
                not(containsString("week-alices-tv</a>")),
                not(containsString("week-bobs-camera")), not(containsString(bobsCamera.id.toString()))));
    }

    @Test
    void theWeekIsInGermanForAGermanBrowser() {
        Fixtures.household("portal-week-alice");

        String page = given().header("Accept-Language", "de-DE").get("/portal/week").then().statusCode(200)
                .body(allOf(containsString("Ihr Netzwerk diese Woche"), containsString("Warnungen pro Tag")))
                .extract().asString();

        assertEquals(MessageFiles.keys("messages/week.properties"), MessageFiles.keys("messages/week_de.properties"));
        for (String english : MessageFiles.onlyInEnglish("week")) {
            assertFalse(page.contains(english), () -> "untranslated on the German page: " + english);
        }
    }

    @Test
    void theOverviewLinksToTheWeek() {
        Fixtures.household("portal-week-alice");

        given().get("/portal").then().statusCode(200).body(containsString("href=\"/portal/week\""));
    }
}
