package io.homeshield.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AuditCsvTest {

    @Test
    void quotesOnlyWhatNeedsQuoting() {
        assertEquals("plain", AuditCsv.quote("plain"));
        assertEquals("\"a,b\"", AuditCsv.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditCsv.quote("say \"hi\""));
        assertEquals("\"two\nlines\"", AuditCsv.quote("two\nlines"));
        assertEquals("\"cr\rhere\"", AuditCsv.quote("cr\rhere"));
    }

    @Test
    void formulasTypedByPeopleAreDefused() {
        assertEquals("'=HYPERLINK(\"x\")", AuditCsv.text("=HYPERLINK(\"x\")"));
        assertEquals("'+1", AuditCsv.text("+1"));
        assertEquals("'-1", AuditCsv.text("-1"));
        assertEquals("'@SUM(A1)", AuditCsv.text("@SUM(A1)"));
        assertEquals("Ticket 1", AuditCsv.text("Ticket 1"));
        assertEquals("", AuditCsv.text(null));
    }

    @Test
    void aRowHasEveryColumnOfTheHeader() throws IOException {
        AuditEntry e = new AuditEntry();
        e.id = 42L;
        e.occurredAt = Instant.parse("2025-03-01T10:00:00.123456Z");
        e.actor = "sam";
        e.actorRole = "support";
        e.householdId = UUID.fromString("00000000-0000-0000-0000-000000000007");
        e.action = "device.quarantine";
        e.target = "AA:BB:CC:00:11:22";
        e.reason = "Ticket 5, \"urgent\"";
        e.outcome = "requested";
        e.previousHash = "0".repeat(64);
        e.hash = "f".repeat(64);
        StringWriter out = new StringWriter();

        AuditCsv.row(out, e, "HS-100001");

        assertEquals("42,2025-03-01T10:00:00.123456Z,sam,support,00000000-0000-0000-0000-000000000007,HS-100001,"
                + "device.quarantine,AA:BB:CC:00:11:22,\"Ticket 5, \"\"urgent\"\"\",requested," + "0".repeat(64) + ","
                + "f".repeat(64) + "\r\n", out.toString());
        assertEquals(AuditCsv.HEADER.split(",").length, 12);
    }
}
