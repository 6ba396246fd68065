package io.homeshield.fleet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.homeshield.fleet.baseline.Baseline;
import io.homeshield.fleet.baseline.BaselineParameter;
import io.homeshield.fleet.baseline.BaselineService;
import io.homeshield.fleet.campaign.Campaign;
import io.homeshield.fleet.remediation.JobState;
import io.homeshield.fleet.remediation.RemediationJob;
import io.homeshield.fleet.remediation.RemediationKind;
import io.homeshield.fleet.remediation.RemediationTarget;
import io.homeshield.fleet.remediation.TargetState;
import io.homeshield.portal.MessageFiles;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

/** Every fleet page comes in German for a German browser or language choice, with no English left. */
@QuarkusTest
class FleetPagesGermanTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void everyWordOfTheFleetPagesHasItsGermanTranslation() {
        assertEquals(MessageFiles.keys("messages/fleet.properties"), MessageFiles.keys("messages/fleet_de.properties"));
    }

    @Test
    @TestSecurity(user = "fleet-german-ana", roles = "analyst")
    void theFleetPagesInGerman() {
        TestHousehold home = Fixtures.household("fleet-german-" + UUID.randomUUID());
        QuarkusTransaction.requiringNew().run(() -> io.quarkus.arc.Arc.container().instance(ConfigHistory.class).get()
                .record(List.of(new ConfigChange(home.routerId(), "Device.DNS.Client.Server.1.DNSServer",
                        "10.255.0.53", "203.0.113.66", "user", Instant.now(), Instant.now()))));
        Baseline baseline = baseline();
        BaselineParameter rule = QuarkusTransaction.requiringNew().call(() -> BaselineParameter
                .<BaselineParameter>find("baselineId", baseline.id).firstResult());
        Campaign campaign = campaign();
        RemediationJob job = haltedJob(home);

        String routerPage = german("/admin/fleet/routers/" + home.routerId());
        assertTrue(routerPage.contains("Aktuelle Konfiguration") && routerPage.contains("Kundin oder Kunde"),
                routerPage);
        assertTrue(german("/admin/fleet/baselines").contains("Sollkonfigurationen und Rücksetzregeln"));
        assertTrue(german("/admin/fleet/baselines/parameters/" + rule.id + "/dry-run").contains("Probelauf"));
        assertTrue(german("/admin/fleet/campaigns").contains("Gefundene Kampagnen"));
        String campaignPage = german("/admin/fleet/campaigns/" + campaign.id);
        assertTrue(campaignPage.contains("Ändernde Router je") && campaignPage.contains("Zuerst gesehen"),
                campaignPage);
        assertTrue(german("/admin/fleet/remediation").contains("Bereinigungsaufträge"));
        assertTrue(german("/admin/fleet/remediation/new").contains("Neuer Bereinigungsauftrag"));
        String jobPage = german("/admin/fleet/remediation/" + job.id);
        assertTrue(jobPage.contains("Neustart auf 1 Router") && jobPage.contains("Angehalten von fleet-german-ana")
                && jobPage.contains("Gescheitert"), jobPage);

        given().cookie("hs_lang", "de").accept("application/json").get("/admin/fleet/remediation/" + job.id
                + "/progress")
                .then().statusCode(200).body("state", equalTo("HALTED")).body("stateLabel", equalTo("Angehalten"))
                .body("haltReason", equalTo("Angehalten von fleet-german-ana: Ticket SEC-9 Router bleiben aus"));
    }

    @Test
    @TestSecurity(user = "fleet-german-ana", roles = "analyst")
    void aRefusedFormSaysWhyInGerman() {
        Response page = given().cookie("hs_lang", "de").redirects().follow(false).get("/admin/fleet/baselines").then()
                .statusCode(200).extract().response();
        Matcher token = TOKEN.matcher(page.asString());
        assertTrue(token.find());
        String refused = given().redirects().follow(false).cookie("hs_lang", "de")
                .cookie("hs_csrf", page.getCookie("hs_csrf")).formParam("_csrf", token.group(1))
                .formParam("model", "HS-Box").formParam("allowedFirmware", "1.4.2").formParam("reason", "")
                .post("/admin/fleet/baselines").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("Es wurde nichts geändert.") && refused.contains("Schreiben Sie den Grund aus"),
                refused);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Baseline.count("model", "HS-Box")));
    }

    /** The page in German (by the browser's preference, or the language switch's cookie), and nothing English left. */
    private static String german(String path) {
        String byBrowser = given().header("Accept-Language", "de-DE,de;q=0.9").accept("text/html").get(path).then()
                .statusCode(200).extract().asString();
        String byChoice = given().header("Accept-Language", "en").cookie("hs_lang", "de").accept("text/html").get(path)
                .then().statusCode(200).extract().asString();
        for (String page : List.of(byBrowser, byChoice)) {
            assertTrue(page.contains("lang=\"de\""), path);
            List<String> english = new ArrayList<>(MessageFiles.onlyInEnglish("fleet"));
            english.addAll(MessageFiles.onlyInEnglish("staff"));
            List<String> left = english.stream().filter(page::contains).toList();
            assertTrue(left.isEmpty(), path + " in German still says: " + left);
            for (String marker : List.of("NOT_FOUND", "???", "{fleet:", "{staff:")) {
                assertFalse(page.contains(marker), path + " shows " + marker);
            }
        }
        return byBrowser;
    }

    private static Baseline baseline() {
        String model = "HS-Box G" + UUID.randomUUID().toString().substring(0, 6);
        BaselineService baselines = io.quarkus.arc.Arc.container().instance(BaselineService.class).get();
        QuarkusTransaction.requiringNew().run(() -> baselines.save(model, "", "1.4.2",
                io.homeshield.audit.Actor.SYSTEM, "Ticket SEC-9 provider standard"));
        Baseline baseline = QuarkusTransaction.requiringNew().call(() -> Baseline.<Baseline>find("model", model)
                .firstResult());
        QuarkusTransaction.requiringNew().run(() -> baselines.saveParameter(baseline.id,
                "Device.UserInterface.RemoteAccess.Enable", "false", false,
                io.homeshield.fleet.baseline.RevertMode.ENFORCE, io.homeshield.audit.Actor.SYSTEM,
                "Remote administration stays off"));
        return baseline;
    }

    private static Campaign campaign() {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.parameter = "Device.DNS.Client.Server.{i}.DNSServer";
        campaign.valueKey = "198.51.100.0/24";
        campaign.firstSeen = Instant.parse("2026-03-05T00:01:00Z");
        campaign.detectedAt = Instant.parse("2026-03-05T00:21:00Z");
        campaign.lastSeen = Instant.parse("2026-03-05T05:50:00Z");
        campaign.routersAtDetection = 6;
        campaign.expectedAtDetection = 0.25;
        campaign.affected = 0;
        campaign.status = Campaign.RUNNING;
        QuarkusTransaction.requiringNew().run(campaign::persist);
        return campaign;
    }

    /** A restart job an analyst halted, with one router that failed. */
    private static RemediationJob haltedJob(TestHousehold home) {
        RemediationJob job = new RemediationJob();
        job.id = UUID.randomUUID();
        job.kind = RemediationKind.REBOOT;
        job.title = "Restart on 1 routers";
        job.targetQuery = "routers of model HS-Box 5 with firmware 1.4.2";
        job.state = JobState.HALTED;
        job.canarySize = 1;
        job.waveSize = 10;
        job.waveIntervalMillis = 5_000;
        job.maxFailurePercent = 10;
        job.wavesStarted = 1;
        job.haltReason = "Halted by fleet-german-ana: Ticket SEC-9 Router bleiben aus";
        job.reason = "Ticket SEC-9 restart the boxes";
        job.createdBy = "fleet-german-ana";
        job.createdAt = Instant.now();
        job.updatedAt = job.createdAt;
        RemediationTarget target = new RemediationTarget();
        target.key = new RemediationTarget.Key(job.id, home.routerId());
        target.householdId = home.id().value();
        target.position = 0;
        target.wave = 0;
        target.state = TargetState.FAILED;
        target.detail = "unreachable";
        target.updatedAt = job.createdAt;
        QuarkusTransaction.requiringNew().run(() -> {
            job.persist();
            target.persist();
        });
        return job;
    }
}
