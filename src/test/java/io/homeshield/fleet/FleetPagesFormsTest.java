package io.homeshield.fleet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.AuditEntry;
import io.homeshield.fleet.baseline.Baseline;
import io.homeshield.fleet.baseline.BaselineParameter;
import io.homeshield.fleet.baseline.RevertMode;
import io.homeshield.fleet.campaign.Campaign;
import io.homeshield.fleet.remediation.RemediationJob;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The fleet pages: analysts only, forms with CSRF and a reason, audited; bad input changes nothing. */
@QuarkusTest
class FleetPagesFormsTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    @TestSecurity(user = "fleet-forms-ana", roles = "analyst")
    void anAnalystDefinesABaselineWithAReasonAndItIsAudited() {
        String model = "HS-Box F" + UUID.randomUUID().toString().substring(0, 6);
        form("/admin/fleet/baselines").formParam("model", model).formParam("firmware", "")
                .formParam("allowedFirmware", "1.4.2, 1.5.0").formParam("reason", "Ticket SEC-7 provider standard")
                .post("/admin/fleet/baselines").then().statusCode(303);
        Baseline baseline = QuarkusTransaction.requiringNew().call(() -> Baseline.<Baseline>find("model", model)
                .firstResult());
        assertNotNull(baseline);

        form("/admin/fleet/baselines").formParam("path", "Device.UserInterface.RemoteAccess.Enable")
                .formParam("expected", "false").formParam("mode", "ENFORCE")
                .formParam("reason", "Remote administration stays off")
                .post("/admin/fleet/baselines/" + baseline.id + "/parameters").then().statusCode(303);
        BaselineParameter rule = QuarkusTransaction.requiringNew().call(() -> BaselineParameter
                .<BaselineParameter>find("baselineId", baseline.id).firstResult());
        assertEquals(RevertMode.ENFORCE, rule.revertMode);
        AuditEntry entry = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                "action = 'fleet.baseline-parameter' and actor = 'fleet-forms-ana' order by id desc").firstResult());
        assertEquals("Remote administration stays off", entry.reason);
        assertTrue(entry.target.contains(model));

        given().get("/admin/fleet/baselines/parameters/" + rule.id + "/dry-run").then().statusCode(200)
                .body(containsString("Every router of this baseline holds an allowed value."));
    }

    @Test
    @TestSecurity(user = "fleet-forms-ana", roles = "analyst")
    void withoutAReasonOrWithoutTheFormTokenNothingChanges() {
        String model = "HS-Box N" + UUID.randomUUID().toString().substring(0, 6);
        form("/admin/fleet/baselines").formParam("model", model).formParam("allowedFirmware", "1.4.2")
                .formParam("reason", "").post("/admin/fleet/baselines").then().statusCode(400)
                .body(containsString("Nothing was changed."));
        given().redirects().follow(false).formParam("model", model).formParam("allowedFirmware", "1.4.2")
                .formParam("reason", "A reason long enough").post("/admin/fleet/baselines").then().statusCode(403);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Baseline.count("model", model)));

        long jobs = QuarkusTransaction.requiringNew().call(() -> RemediationJob.count());
        form("/admin/fleet/remediation/new").formParam("kind", "REBOOT").formParam("model", model)
                .formParam("canary", "20").formParam("waveSize", "lots").formParam("waveSeconds", "5")
                .formParam("maxFailurePercent", "10").formParam("reason", "Ticket SEC-7 restart them all")
                .post("/admin/fleet/remediation").then().statusCode(400)
                .body(containsString("Enter a whole number.")).body(containsString("id=\"waveSize\""));
        assertEquals(jobs, QuarkusTransaction.requiringNew().call(() -> RemediationJob.count()));
    }

    @Test
    @TestSecurity(user = "fleet-forms-ana", roles = "analyst")
    void aCampaignPageShowsItsTimelineGroupsAndFirstSeen() {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.parameter = "Device.DNS.Client.Server.{i}.DNSServer";
        campaign.valueKey = "203.0.113.0/24";
        campaign.firstSeen = Instant.parse("2026-03-04T00:01:00Z");
        campaign.detectedAt = Instant.parse("2026-03-04T00:21:00Z");
        campaign.lastSeen = Instant.parse("2026-03-04T05:50:00Z");
        campaign.routersAtDetection = 6;
        campaign.expectedAtDetection = 0.25;
        campaign.affected = 0;
        campaign.status = Campaign.RUNNING;
        QuarkusTransaction.requiringNew().run(campaign::persist);

        given().get("/admin/fleet/campaigns").then().statusCode(200).body(containsString("203.0.113.0/24"));
        given().get("/admin/fleet/campaigns/" + campaign.id).then().statusCode(200)
                .body(containsString("<svg class=\"campaign-chart\"")).body(containsString("First seen"))
                .body(containsString("By model, firmware and network"));
        given().get("/admin/fleet/campaigns/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/admin/fleet/remediation/not-a-job").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "fleet-forms-ana", roles = "analyst")
    void aRoutersPageShowsItsCurrentConfigurationAndHistoryWithTheSource() {
        io.homeshield.testsupport.Fixtures.TestHousehold home = io.homeshield.testsupport.Fixtures.household(
                "fleet-config-" + UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container().instance(ConfigHistory.class).get()
                .record(java.util.List.of(new ConfigChange(home.routerId(), "Device.DNS.Client.Server.1.DNSServer",
                        "10.255.0.53", "203.0.113.66", "user", Instant.now(), Instant.now()))));

        given().get("/admin/fleet/routers/" + home.routerId()).then().statusCode(200)
                .body(containsString("Current configuration")).body(containsString("203.0.113.66"))
                .body(containsString("<td>Subscriber</td>"));
        given().get("/admin/fleet/routers/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "fleet-forms-alice", roles = "subscriber")
    void subscribersAndSupportSeeNoFleetPage() {
        for (String path : new String[] { "/admin/fleet/campaigns", "/admin/fleet/baselines",
            "/admin/fleet/remediation", "/admin/fleet/remediation/new", "/admin/fleet/routers/" + UUID.randomUUID() }) {
            given().redirects().follow(false).get(path).then().statusCode(403);
        }
    }

    /** The page's form cookie and token, as a browser would send them back. */
    private static RequestSpecification form(String page) {
        Response response = given().redirects().follow(false).get(page).then().statusCode(200).extract().response();
        Matcher token = TOKEN.matcher(response.asString());
        assertTrue(token.find(), "the page renders a form token");
        return given().redirects().follow(false).cookie("hs_csrf", response.getCookie("hs_csrf"))
                .formParam("_csrf", token.group(1));
    }
}
