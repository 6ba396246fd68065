package io.homeshield.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.homeshield.household.Household;
import io.homeshield.household.MemberRole;
import io.homeshield.lifecycle.ErasureService;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * The owner asks for the household's erasure on the settings page, confirming with the account number, and may cancel.
 */
@QuarkusTest
class PortalErasureTest {

    @Test
    @TestSecurity(user = "portal-erasure-owner", roles = "subscriber")
    void theOwnerConfirmsWithTheAccountNumberAndMayCancelDuringTheGracePeriod() {
        TestHousehold home = Fixtures.newHousehold("portal-erasure-owner");
        String account = QuarkusTransaction.requiringNew()
                .call(() -> Household.<Household>findById(home.id().value()).accountNumber);
        given().get("/portal/settings").then().statusCode(200)
                .body(containsString("id=\"erasure-open\" href=\"/portal/settings/erasure\""));
        PortalForms.Form form = PortalForms.from("/portal/settings/erasure");

        given().redirects().follow(false).formParam("accountNumber", account).post("/portal/settings/erasure")
                .then().statusCode(403);
        form.post().formParam("accountNumber", "not-" + account).post("/portal/settings/erasure").then().statusCode(400)
                .body(containsString("id=\"erasure-account-error\""))
                .body(containsString("This is not your household&#39;s account number"));
        assertEquals(false, erasures().of(home.id()).isPresent(), "nothing changed");

        form.post().formParam("accountNumber", account).post("/portal/settings/erasure").then().statusCode(303);
        assertEquals(true, erasures().of(home.id()).isPresent());
        given().get("/portal/settings/erasure").then().statusCode(200)
                .body(containsString("id=\"erasure-pending\""), containsString("id=\"erasure-cancel\""));

        form.post().post("/portal/settings/erasure/cancel").then().statusCode(303);
        assertEquals(false, erasures().of(home.id()).isPresent());
        given().get("/portal/settings/erasure").then().statusCode(200).body(not(containsString("erasure-pending")));
    }

    @Test
    @TestSecurity(user = "portal-export-owner", roles = "subscriber")
    void theOwnerPreparesTheArchiveFollowsItsProgressAndDownloadsIt() {
        Fixtures.newHousehold("portal-export-owner");
        PortalForms.Form form = PortalForms.from("/portal/settings");
        String progress = form.post().post("/portal/settings/exports").then().statusCode(303).extract()
                .header("Location");
        String page = java.net.URI.create(progress).getPath();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> given().get(page)
                .then().statusCode(200).extract().asString().contains("id=\"export-ready\""));
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/portal/settings/exports/[^\"]+)\"")
                .matcher(given().get(page).then().extract().asString());
        assertEquals(true, link.find());
        given().get(link.group(1).replace("&amp;", "&")).then().statusCode(200).contentType("application/gzip");
    }

    @Test
    @TestSecurity(user = "portal-erasure-coadmin", roles = "subscriber")
    void onlyTheOwnerMayAsk() {
        Fixtures.newHousehold("portal-erasure-coadmin", MemberRole.CO_ADMIN);
        given().get("/portal/settings").then().statusCode(200).body(not(containsString("erasure-open")));
        given().get("/portal/settings/erasure").then().statusCode(403);
    }

    private static ErasureService erasures() {
        return Arc.container().instance(ErasureService.class).get();
    }
}
