package io.homeshield.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AuditChainCheckTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void aWholeChainIsIntactEvenWithGapsLeftByRolledBackAppends() {
        List<AuditEntry> chain = chain(1, 2, 5, 6);

        AuditReport report = check(chain, chain.get(3).hash);

        assertTrue(report.intact(), report.toString());
        assertEquals(4, report.entriesChecked());
        assertEquals(6L, report.lastEntryId());
    }

    @Test
    void missingEntriesAreCountedWhenIdsDoNotFollowTheChain() {
        // entry 9 committed before entry 4, so the sealer chained it first
        List<AuditEntry> chain = chain(1, 2, 3, 9, 4);
        String head = chain.get(4).hash;
        chain.remove(2);

        AuditReport report = check(chain, head);

        assertEquals(1, report.breaks().size(), report.toString());
        assertEquals("Entries are missing between entry 2 and entry 9 (1 entry).", report.breaks().get(0).problem());
    }

    @Test
    void anAlteredEntryIsNamed() {
        List<AuditEntry> chain = chain(1, 2, 3);
        chain.get(1).reason = "changed";

        AuditReport report = check(chain, chain.get(2).hash);

        assertEquals(1, report.breaks().size());
        assertEquals(2L, report.breaks().get(0).entryId());
        assertEquals(AuditBreak.Kind.ALTERED, report.breaks().get(0).kind());
    }

    @Test
    void missingEntriesAreNamedByTheirNeighbours() {
        List<AuditEntry> chain = chain(1, 2, 3, 4, 5);
        String head = chain.get(4).hash;
        chain.remove(2);
        chain.remove(1);

        AuditReport report = check(chain, head);

        assertEquals(1, report.breaks().size());
        assertEquals(4L, report.breaks().get(0).entryId());
        assertEquals("Entries are missing between entry 1 and entry 4 (entries 2 to 3).",
                report.breaks().get(0).problem());
    }

    @Test
    void theFirstEntriesMissingAreFound() {
        List<AuditEntry> chain = chain(1, 2, 3);
        String head = chain.get(2).hash;
        chain.remove(0);

        AuditReport report = check(chain, head);

        assertEquals(2L, report.breaks().get(0).entryId());
        assertEquals(AuditBreak.Kind.MISSING, report.breaks().get(0).kind());
    }

    @Test
    void theNewestEntriesMissingAreFoundThroughTheHead() {
        List<AuditEntry> chain = chain(1, 2, 3);
        String head = chain.get(2).hash;
        chain.remove(2);

        AuditReport report = check(chain, head);

        assertEquals(AuditBreak.Kind.MISSING_NEWEST, report.breaks().get(0).kind());
        assertTrue(report.breaks().get(0).problem().contains("entry 2 is the last one left"));
    }

    @Test
    void anEmptiedLogIsFound() {
        AuditReport report = check(List.of(), "ab".repeat(32));

        assertEquals(AuditBreak.Kind.MISSING_NEWEST, report.breaks().get(0).kind());
    }

    @Test
    void onlyTheFirstBreaksAreListed() {
        List<AuditEntry> chain = chain(1, 2, 3, 4);
        chain.forEach(e -> e.outcome = "changed");
        AuditChainCheck check = new AuditChainCheck(2);
        chain.forEach(check::accept);

        AuditReport report = check.finish(chain.get(3).hash, NOW);

        assertEquals(2, report.breaks().size());
        assertTrue(report.moreBreaks());
    }

    private static AuditReport check(List<AuditEntry> entries, String head) {
        AuditChainCheck check = new AuditChainCheck(100);
        entries.forEach(check::accept);
        return check.finish(head, NOW);
    }

    private static List<AuditEntry> chain(long... ids) {
        List<AuditEntry> out = new ArrayList<>();
        String previous = AuditChainCheck.GENESIS;
        long position = 0;
        for (long id : ids) {
            AuditEntry e = new AuditEntry();
            e.id = id;
            e.chainPosition = ++position;
            e.occurredAt = NOW.plusSeconds(id);
            e.actor = "sam";
            e.actorRole = "support";
            e.householdId = UUID.nameUUIDFromBytes(new byte[] { (byte) id });
            e.action = "device.quarantine";
            e.target = "AA:BB:CC:00:00:0" + id;
            e.reason = "Ticket " + id;
            e.outcome = "requested";
            e.previousHash = previous;
            e.hash = AuditLog.hashOf(e);
            previous = e.hash;
            out.add(e);
        }
        return out;
    }
}
