package io.homeshield.admin;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.AuditEntry;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Support produces a household's archive on the subscriber's request, with a reason that is audited. */
@QuarkusTest
@TestSecurity(user = "export-support-sam", roles = "support")
class StaffExportTest {

    private static final String REASON = "Ticket 4711: the subscriber asked for their data by letter";
    private static final Pattern ARCHIVE = Pattern
            .compile("href=\"(/admin/households/[^\"]+/archive\\?token=[^\"]+)\"");

    @Test
    void supportProducesTheArchiveWithAnAuditedReason() {
        TestHousehold home = Fixtures.newHousehold("staff-export-owner");
        String base = "/admin/households/" + home.id().value();
        given().get(base).then().statusCode(200).body(containsString("id=\"staff-export\""));
        StaffForms.Form form = StaffForms.from(base + "/exports");

        form.post().formParam("reason", "short").post(base + "/exports").then().statusCode(400)
                .body(containsString("id=\"export-reason-error\""));
        String progress = form.post().formParam("reason", REASON).post(base + "/exports").then().statusCode(303)
                .extract().header("Location");
        String page = java.net.URI.create(progress).getPath();
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get(page).then().statusCode(200).extract()
                .asString().contains("id=\"export-ready\""));
        Matcher link = ARCHIVE.matcher(given().get(page).then().extract().asString());
        assertThat(link.find(), equalTo(true));
        given().get(link.group(1).replace("&amp;", "&")).then().statusCode(200).contentType("application/gzip");

        long audited = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "householdId = ?1 and action = 'household.export' and actor = 'export-support-sam' and reason = ?2",
                home.id().value(), REASON));
        assertThat(audited, equalTo(1L));
    }
}
