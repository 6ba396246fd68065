package io.homeshield.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AuditChainCheckTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final AuditKeys KEYS = new AuditKeys("unit-1", "unit-test-audit-key-0123456789abcdef", List.of());

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
        AuditChainCheck check = new AuditChainCheck(2, KEYS, null);
        chain.forEach(check::accept);

        AuditReport report = check.finish(chain.get(3).hash, NOW);

        assertEquals(2, report.breaks().size());
        assertTrue(report.moreBreaks());
    }

    @Test
    void aChainContinuedUnderARotatedKeyChecksWithTheRetiredKeyKept() {
        AuditKeys rotated = new AuditKeys("unit-2", "the-next-unit-audit-key-0123456789", List.of("unit-1="
                + "unit-test-audit-key-0123456789abcdef"));
        List<AuditEntry> chain = chain(1, 2);
        AuditEntry third = entry(3, 3, chain.get(1).hash);
        third.keyId = rotated.currentId();
        third.hash = AuditSeal.expectedHash(third, rotated);
        chain.add(third);

        AuditChainCheck withRetired = new AuditChainCheck(100, rotated, null);
        chain.forEach(withRetired::accept);
        AuditChainCheck withOldOnly = new AuditChainCheck(100, KEYS, null);
        chain.forEach(withOldOnly::accept);

        assertTrue(withRetired.finish(third.hash, NOW).intact());
        AuditReport unknown = withOldOnly.finish(third.hash, NOW);
        assertEquals(AuditBreak.Kind.UNKNOWN_KEY, unknown.breaks().get(0).kind());
        assertEquals(3L, unknown.breaks().get(0).entryId());
    }

    @Test
    void entriesSealedBeforeTheKeyMayOnlyLeadTheChain() {
        AuditEntry legacy = entry(1, 1, AuditChainCheck.GENESIS);
        legacy.hash = AuditLog.legacyHashOf(legacy);
        AuditEntry keyed = entry(2, 2, legacy.hash);
        keyed.keyId = KEYS.currentId();
        keyed.hash = AuditSeal.expectedHash(keyed, KEYS);
        AuditEntry lateLegacy = entry(3, 3, keyed.hash);
        lateLegacy.hash = AuditLog.legacyHashOf(lateLegacy);

        assertTrue(check(List.of(legacy, keyed), keyed.hash).intact());
        AuditReport report = check(List.of(legacy, keyed, lateLegacy), lateLegacy.hash);
        assertEquals(1, report.breaks().size(), report.toString());
        assertEquals(AuditBreak.Kind.UNKNOWN_KEY, report.breaks().get(0).kind());
        assertEquals(3L, report.breaks().get(0).entryId());
    }

    @Test
    void aHeadLineIsReadBackOutOfALogLineAndItsSignatureCoversEveryField() {
        PublishedHead head = PublishedHead.signed(812, "ab".repeat(32), 5, NOW, KEYS);
        PublishedHead read = PublishedHead.parse("2025-03-01 10:00:00 INFO [io.hom.aud.AuditHeadPublisher] "
                + head.line());

        assertEquals(head, read);
        assertTrue(read.genuine(KEYS));
        assertFalse(new PublishedHead(812, "ab".repeat(32), 4, NOW, KEYS.currentId(), head.signature()).genuine(KEYS));
        assertFalse(new PublishedHead(812, "ab".repeat(32), 5, NOW.plusSeconds(1), KEYS.currentId(), head.signature())
                .genuine(KEYS));
    }

    private static AuditEntry entry(long id, long position, String previous) {
        AuditEntry e = new AuditEntry();
        e.id = id;
        e.chainPosition = position;
        e.occurredAt = NOW.plusSeconds(id);
        e.actor = "sam";
        e.actorRole = "support";
        e.action = "device.quarantine";
        e.target = "AA:BB:CC:00:00:0" + id;
        e.outcome = "requested";
        e.previousHash = previous;
        return e;
    }

    private static AuditReport check(List<AuditEntry> entries, String head) {
        AuditChainCheck check = new AuditChainCheck(100, KEYS, null);
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
            e.keyId = KEYS.currentId();
            e.hash = AuditSeal.expectedHash(e, KEYS);
            previous = e.hash;
            out.add(e);
        }
        return out;
    }
}
