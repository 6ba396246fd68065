package io.homeshield.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertFeedback;
import io.homeshield.alert.AlertLifecycle;
import io.homeshield.alert.AlertStatus;
import io.homeshield.alert.AlertSuppression;
import io.homeshield.alert.ReviewState;
import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditEntry;
import io.homeshield.intel.ThreatIntel;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = "fleet-ana", roles = "analyst")
class FleetPagesTest {

    @Inject
    AlertLifecycle lifecycle;

    @Test
    void theDashboardChartsTodaysAlertsAndCountsInfectedDevicesAndIndicators() {
        String indicator = "fleet-" + UUID.randomUUID() + ".example";
        TestHousehold home = Fixtures.household("fleet-dashboard");
        Device camera = Fixtures.device(home, "fleet-camera", DeviceType.CAMERA);
        Fixtures.alert(camera, indicator);

        given().get("/admin/fleet").then().statusCode(200)
                .body(containsString("<svg class=\"chart\""))
                .body(containsString("role=\"img\""))
                .body(containsString("Contact with a known malicious host"))
                .body(containsString("Camera"))
                .body(containsString(indicator))
                .body(containsString("The figures as a table"));
    }

    @Test
    void alertsAreFoundAcrossHouseholdsByTheStartOfTheirIndicator() {
        String prefix = "srch-" + UUID.randomUUID().toString().substring(0, 8);
        TestHousehold one = Fixtures.household("fleet-search-one");
        TestHousehold two = Fixtures.household("fleet-search-two");
        Fixtures.alert(Fixtures.device(one, "fleet-one-dvr", DeviceType.CAMERA), prefix + ".one.example");
        Fixtures.alert(Fixtures.device(two, "fleet-two-dvr", DeviceType.CAMERA), prefix + ".two.example");

        String page = given().queryParam("indicator", prefix.toUpperCase(Locale.ROOT)).queryParam("type",
                "KNOWN_BAD_DESTINATION")
                .queryParam("status", "OPEN").get("/admin/fleet/alerts").then().statusCode(200).extract().asString();

        org.hamcrest.MatcherAssert.assertThat(page, org.hamcrest.Matchers.allOf(
                containsString(prefix + ".one.example"), containsString(prefix + ".two.example"),
                containsString("/admin/households/" + one.id()), containsString("/admin/households/" + two.id()),
                containsString("2 alerts")));
        given().queryParam("indicator", prefix).queryParam("status", "RESOLVED").get("/admin/fleet/alerts")
                .then().statusCode(200).body(not(containsString(prefix + ".one.example")));
        given().queryParam("type", "NO_SUCH_TYPE").get("/admin/fleet/alerts").then().statusCode(400);
        given().queryParam("days", "3").get("/admin/fleet/alerts").then().statusCode(400);
    }

    @Test
    void confirmingASubscribersNotAThreatNeedsAReasonAndSuppressesThePattern() {
        String indicator = "review-" + UUID.randomUUID() + ".example";
        Alert alert = reportedNotAThreat("fleet-review-confirm", indicator);
        StaffForms.Form form = StaffForms.from("/admin/fleet/reviews");

        given().get("/admin/fleet/reviews").then().body(containsString(indicator))
                .body(containsString("It is our backup box"));
        form.post().formParam("type", "KNOWN_BAD_DESTINATION").formParam("indicator", indicator)
                .post("/admin/fleet/reviews/confirm").then().statusCode(400).body(containsString("Nothing was changed"))
                .body(containsString("Give a reason"));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> AlertSuppression.count("indicator", indicator)));

        form.post().formParam("type", "KNOWN_BAD_DESTINATION").formParam("indicator", indicator)
                .formParam("reason", "Vendor backup service, checked with the vendor")
                        .post("/admin/fleet/reviews/confirm")
                .then().statusCode(303);

        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> AlertSuppression.count("indicator", indicator)));
        assertEquals(ReviewState.CONFIRMED, QuarkusTransaction.requiringNew().call(
                () -> AlertFeedback.<AlertFeedback>find("alertId", alert.id).singleResult().reviewState));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "actor = 'fleet-ana' and actorRole = 'analyst' and action = 'alert.suppress' and target like ?1",
                "%" + indicator)));
        given().get("/admin/fleet/reviews?done=confirmed").then().body(containsString("Suppressed fleet-wide"))
                .body(containsString("Vendor backup service"));
    }

    @Test
    void rejectingOpensTheAlertAgainInTheHouseholdsActivity() {
        String indicator = "reject-" + UUID.randomUUID() + ".example";
        Alert alert = reportedNotAThreat("fleet-review-reject", indicator);
        StaffForms.Form form = StaffForms.from("/admin/fleet/reviews");

        form.post().formParam("type", "KNOWN_BAD_DESTINATION").formParam("indicator", indicator)
                .formParam("reason", "URLhaus lists it as a Mozi controller").post("/admin/fleet/reviews/reject")
                .then().statusCode(303);

        assertEquals(AlertStatus.OPEN, QuarkusTransaction.requiringNew().call(()
                -> Alert.<Alert>findById(alert.id).status));
        List<String> activity = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "householdId = ?1 and action = 'alert.reopen'", alert.householdId).stream().map(e
                        -> e.reason).toList());
        assertEquals(List.of("URLhaus lists it as a Mozi controller"), activity);
    }

    @Test
    void theIntelPageSaysWhetherADestinationIsListed() {
        String listed = firstBundledDomain();

        given().get("/admin/intel").then().statusCode(200).body(containsString(ThreatIntel.URLHAUS))
                .body(containsString("Loaded"));
        given().queryParam("q", "www." + listed).get("/admin/intel").then().statusCode(200)
                .body(containsString("Listed")).body(containsString(listed));
        given().queryParam("q", "surely-not-listed-" + UUID.randomUUID() + ".example").get("/admin/intel")
                .then().statusCode(200).body(containsString("Not listed"));
        given().queryParam("q", "not a name!").get("/admin/intel").then().statusCode(200)
                .body(containsString("neither a domain name nor an IP address"));
    }

    private Alert reportedNotAThreat(String subject, String indicator) {
        TestHousehold home = Fixtures.household(subject);
        Device nas = Fixtures.device(home, subject + "-nas", DeviceType.NAS);
        Alert alert = Fixtures.alert(nas, indicator);
        QuarkusTransaction.requiringNew().run(() -> lifecycle.markNotAThreat(home.id(), alert.id,
                Actor.subscriber(subject), "It is our backup box"));
        return alert;
    }

    private static String firstBundledDomain() {
        try (var in = FleetPagesTest.class.getClassLoader().getResourceAsStream("intel/urlhaus-filter-online.txt");
                var lines = new java.io.BufferedReader(new java.io.InputStreamReader(in,
                        java.nio.charset.StandardCharsets.UTF_8))) {
            return lines.lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("!") && !l.startsWith("||") && !l.contains("/"))
                    .filter(h -> !h.matches("[0-9.:]+")).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
