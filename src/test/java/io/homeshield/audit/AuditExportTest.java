package io.homeshield.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = "export-root", roles = "admin")
class AuditExportTest {

    @Inject
    AuditLog log;

    @Test
    void aDayIsExportedAsQuotedCsvAndTheExportIsRecorded() {
        String marker = "export-" + UUID.randomUUID();
        AuditEntry entry = QuarkusTransaction.requiringNew().call(() -> log.append(new AuditRecord("export-sam",
                "support", null, "domain.block", "=cmd|' /C calc'!A0", marker + ", line one\nline two", "requested")));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        String csv = given().queryParam("from", today).queryParam("to", today).get("/admin/audit/export")
                .then().statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"homeshield-audit-" + today))
                .extract().asString();

        assertTrue(csv.startsWith(AuditCsv.HEADER), csv);
        AuditEntry sealed = QuarkusTransaction.requiringNew().call(() -> AuditEntry.findById(entry.id));
        assertNotNull(sealed.hash, "the export seals what has committed");
        assertTrue(csv.contains(entry.id + "," + entry.occurredAt + ",export-sam,support,,,domain.block,"
                + "'=cmd|' /C calc'!A0,\"" + marker + ", line one\nline two\",requested," + sealed.previousHash + ","
                + sealed.hash + "\r\n"), csv);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "actor = 'export-root' and actorRole = 'admin' and action = 'audit.export' and target like ?1",
                today + "%")) >= 1, "the export is recorded");
    }

    @Test
    void entriesOutsideTheRangeAreLeftOut() {
        String marker = "outside-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> log.append(new AuditRecord("export-sam", "support", null,
                "domain.block", marker, null, "requested")));

        String csv = given().queryParam("from", "2020-01-01").queryParam("to", "2020-01-31")
                .get("/admin/audit/export").then().statusCode(200).extract().asString();

        assertEquals(AuditCsv.HEADER, csv);
        assertFalse(csv.contains(marker));
    }

    @Test
    void aWrongRangeIsRefused() {
        given().queryParam("from", "yesterday").queryParam("to", "2025-01-01").get("/admin/audit/export")
                .then().statusCode(400);
        given().queryParam("from", "2025-02-01").queryParam("to", "2025-01-01").get("/admin/audit/export")
                .then().statusCode(400);
        given().get("/admin/audit/export").then().statusCode(400);
    }
}
