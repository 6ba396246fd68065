package io.homeshield.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.AuditEntry;
import io.homeshield.telemetry.TelemetryDeadLetter;
import io.homeshield.testsupport.DeviceHourBatches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.RefusingDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** Analysts see the telemetry batches that could not be applied, with why, and replay one with a reason. */
@QuarkusTest
class DeadLetterPagesTest {

    private static final String REASON = "INC-4411: the roll-up overflow is fixed, applying the batch again";

    @Test
    @TestSecurity(user = "dl-ana", roles = "analyst")
    void anAnalystSeesADeadLetterWithItsReasonAndReplaysItWithAReason() {
        TestHousehold home = Fixtures.household("dead-letter-pages");
        String mac = Fixtures.randomMac().value();
        try (RefusingDatabase refusing = RefusingDatabase.refusing(home.routerId(), 1)) {
            given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret())
                    .contentType(ContentType.JSON)
                    .body(DeviceHourBatches.of(home.routerId(), 1, mac, Instant.now().truncatedTo(ChronoUnit.HOURS),
                            700))
                    .when().post("/ingest/v1/batches").then().statusCode(202);
        }
        TelemetryDeadLetter letter = letter(home);

        given().get("/admin/telemetry/dead-letters").then().statusCode(200)
                .body(containsString("Dead-letter batches")).body(containsString(home.routerId().toString()))
                .body(containsString(RefusingDatabase.REASON))
                .body(containsString("/admin/telemetry/dead-letters/" + letter.id));
        String page = "/admin/telemetry/dead-letters/" + letter.id;
        given().get(page).then().statusCode(200).body(containsString(mac)).body(containsString("Replay the batch"));

        StaffForms.Form form = StaffForms.from(page);
        form.post().formParam("reason", "short").post(page + "/replay").then().statusCode(400)
                .body(containsString("Nothing was changed")).body(containsString("aria-invalid=\"true\""));
        assertNull(letter(home).replayedAt, "a reason too short changes nothing");

        form.post().formParam("reason", REASON).post(page + "/replay").then().statusCode(303)
                .header("Location", containsString(page + "?done=replayed"));
        TelemetryDeadLetter replayed = letter(home);
        assertTrue(replayed.replayed(), replayed.replayOutcome);
        assertEquals("dl-ana", replayed.replayedBy);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "action = 'telemetry.dead-letter.replay' and actor = 'dl-ana' and reason = ?1", REASON)));
        given().get(page + "?done=replayed").then().statusCode(200).body(containsString("applied: 2 events"))
                .body(not(containsString("Replay the batch")));
    }

    @Test
    @TestSecurity(user = "dl-sam", roles = "support")
    void supportStaffDoNotSeeDeadLetters() {
        given().get("/admin/telemetry/dead-letters").then().statusCode(403);
    }

    private static TelemetryDeadLetter letter(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> TelemetryDeadLetter.<TelemetryDeadLetter>find("routerId",
                home.routerId()).singleResult());
    }
}
