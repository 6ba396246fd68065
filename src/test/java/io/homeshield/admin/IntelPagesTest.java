package io.homeshield.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.audit.AuditEntry;
import io.homeshield.intel.ProviderIndicator;
import io.homeshield.intel.ThreatIntel;
import io.homeshield.inventory.DeviceType;
import io.homeshield.net.DomainName;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Threat-intel management as analysts use it: feeds and their status, the provider's own feed changed through its
 * forms.
 */
@QuarkusTest
@TestSecurity(user = "intel-ana", roles = "analyst")
class IntelPagesTest {

    private static final String REASON = "Report 2211: confirmed C2 of the camera botnet seen in three households";

    @Inject
    ThreatIntel intel;

    @Test
    void theFeedsPageShowsEachFeedsVersionCountStatusAndNextRefresh() {
        given().get("/admin/intel").then().statusCode(200)
                .body(containsString("URLhaus (abuse.ch)"))
                .body(containsString("classpath:intel/urlhaus-filter-online.txt"))
                .body(containsString("<td>2909</td>"))
                .body(containsString("In force"))
                .body(containsString("Next refresh"))
                .body(containsString("Provider&#39;s own feed"));
        given().header("Accept-Language", "de").get("/admin/intel").then().statusCode(200)
                .body(containsString("Bedrohungsdaten")).body(containsString("Nächste Aktualisierung"))
                .body(containsString("Einen Indikator hinzufügen")).body(not(containsString("Add an indicator")));
    }

    @Test
    void anAddedIndicatorIsMatchedAuditedAndExpiredWithAReason() {
        String host = "c2-" + UUID.randomUUID().toString().substring(0, 8) + ".intel-pages.example";
        StaffForms.from("/admin/intel").post().formParam("indicator", "  " + host.toUpperCase(Locale.ROOT) + " ")
                .formParam("validFor", "30d").formParam("reason", REASON).post("/admin/intel/indicators").then()
                .statusCode(303).header("Location", containsString("/admin/intel?done=added"));

        ProviderIndicator added = own(host);
        assertEquals("intel-ana", added.addedBy);
        assertEquals(REASON, added.reason);
        assertNotNull(added.validUntil, "valid for 30 days");
        assertTrue(intel.match(DomainName.of("www." + host)).isPresent(), "matched with its subdomains at once");
        assertEquals(1, audit("intel.indicator.add", "domain:" + host, "analyst"));
        given().get("/admin/intel?own=" + host).then().statusCode(200).body(containsString(host))
                .body(containsString("/admin/intel/indicators/" + added.id + "/expire"));

        String expire = "/admin/intel/indicators/" + added.id + "/expire";
        StaffForms.Form form = StaffForms.from(expire);
        form.post().formParam("reason", "short").post(expire).then().statusCode(400)
                .body(containsString("Nothing was changed")).body(containsString("10 to 500 characters"))
                .body(containsString("aria-invalid=\"true\""));
        assertNull(own(host).expiredAt, "a reason too short changes nothing");
        form.post().formParam("reason", "Sinkholed by the registrar on 2025-03-02").post(expire).then()
                .statusCode(303).header("Location", containsString("done=expired"));

        ProviderIndicator expired = own(host);
        assertNotNull(expired.expiredAt);
        assertEquals("intel-ana", expired.expiredBy);
        assertTrue(intel.match(DomainName.of(host)).isEmpty(), "no longer matched");
        assertEquals(1, audit("intel.indicator.expire", "domain:" + host, "analyst"));
        given().get("/admin/intel?own=" + host).then().body(containsString("No indicator matches"));
        given().get("/admin/intel?own=" + host
                + "&expired=true").then().body(containsString("Sinkholed by the registrar"));
    }

    @Test
    void badInputComesBackWithTheFieldAndWhyAndChangesNothing() {
        StaffForms.Form form = StaffForms.from("/admin/intel");
        long before = rows();
        form.post().formParam("indicator", "com").formParam("validFor", "30d").formParam("reason", REASON)
                .post("/admin/intel/indicators").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("Nothing was changed"))
                .body(containsString("at least two labels"))
                .body(containsString("id=\"indicator\" name=\"indicator\" value=\"com\""))
                .body(containsString("aria-invalid=\"true\" autofocus"));
        form.post().formParam("indicator", "10.0.0.0/4").formParam("validFor", "30d").formParam("reason", REASON)
                .post("/admin/intel/indicators").then().statusCode(400).body(containsString("no wider than /8"));
        form.post().formParam("indicator", "bad-input.example").formParam("validFor", "1y").formParam("reason", REASON)
                .post("/admin/intel/indicators").then().statusCode(400)
                .body(containsString("Choose how long the indicator is matched"));
        form.post().formParam("indicator", "bad-input.example").formParam("validFor", "30d")
                .post("/admin/intel/indicators").then().statusCode(400).body(containsString("10 to 500 characters"));
        given().header("Accept-Language", "de").cookie("hs_csrf", form.cookie()).formParam("_csrf", form.token())
                .formParam("indicator", "com").formParam("validFor", "30d").formParam("reason", REASON)
                .post("/admin/intel/indicators").then().statusCode(400)
                .body(containsString("Es wurde nichts geändert")).body(containsString("mindestens zwei Teilen"));
        given().redirects().follow(false).formParam("indicator", "bad-input.example").formParam("validFor", "30d")
                .formParam("reason", REASON).post("/admin/intel/indicators").then().statusCode(403);
        assertEquals(before, rows(), "nothing was added");
    }

    @Test
    void anAlertsDestinationIsPromotedFromTheAnalystsAlertView() {
        String host = "beacon-" + UUID.randomUUID().toString().substring(0, 8) + ".intel-pages.example";
        Alert alert = alert("intel-promote-customer", "{\"indicator\":\"" + host + "\",\"feed\":\"test\"}", host);
        Alert victim = alert("intel-victim-customer", "{\"target\":\"192.0.2.7\"}", "scan:23");

        given().get("/admin/fleet/alerts?indicator=" + host).then().statusCode(200)
                .body(containsString("/admin/intel/promote/" + alert.id));
        String page = "/admin/intel/promote/" + alert.id;
        given().get(page).then().statusCode(200).body(containsString(host));
        StaffForms.from(page).post().formParam("validFor", "forever").formParam("reason", REASON).post(page).then()
                .statusCode(303).header("Location", containsString("done=promoted"));

        ProviderIndicator promoted = own(host);
        assertEquals(alert.id, promoted.sourceAlertId);
        assertNull(promoted.validUntil, "until expired");
        assertTrue(intel.match(DomainName.of(host)).isPresent());
        assertEquals(1, audit("intel.indicator.promote", "domain:" + host, "analyst"));

        String victimPage = "/admin/intel/promote/" + victim.id;
        given().get(victimPage).then().statusCode(200).body(containsString("names no malicious destination"))
                .body(not(containsString("name=\"reason\"")));
        StaffForms.Form form = StaffForms.from("/admin/intel");
        form.post().formParam("validFor", "30d").formParam("reason", REASON).post(victimPage).then().statusCode(400)
                .body(containsString("names no malicious destination"));
        given().get("/admin/intel/promote/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/admin/intel/indicators/" + UUID.randomUUID() + "/expire").then().statusCode(404);
    }

    private static Alert alert(String subject, String evidence, String indicator) {
        Alert alert = Fixtures.alert(Fixtures.device(Fixtures.household(subject), "intel-camera", DeviceType.CAMERA),
                indicator);
        QuarkusTransaction.requiringNew().run(() -> Alert.<Alert>findById(alert.id).evidence = evidence);
        return alert;
    }

    private static ProviderIndicator own(String host) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ProviderIndicator.<ProviderIndicator>find("indicator", host).singleResult());
    }

    private static long rows() {
        return QuarkusTransaction.requiringNew().call(() -> ProviderIndicator.count());
    }

    private static long audit(String action, String target, String role) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "action = ?1 and target = ?2 and actor = 'intel-ana' and actorRole = ?3 and reason is not null",
                action, target, role));
    }
}
