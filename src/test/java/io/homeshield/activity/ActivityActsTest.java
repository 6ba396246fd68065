package io.homeshield.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.AuditEntry;

class ActivityActsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Map<String, String> MEMBERS = Map.of("alice-sub", "Alice");
    private long ids;

    @Test
    void aRequestAndTheRoutersProgressAreOneActThatEndsVerified() {
        List<ActivityRow> acts = ActivityActs.fold(newestFirst(
                entry(0, "alice-sub", "subscriber", "device.quarantine", "AA:BB:CC:00:00:01", "requested"),
                entry(2, "system", "system", "device.quarantine", "AA:BB:CC:00:00:01", "dispatched"),
                entry(3, "system", "system", "device.quarantine", "AA:BB:CC:00:00:01", "applied"),
                entry(4, "system", "system", "device.quarantine", "AA:BB:CC:00:00:01", "verified")));
        assertEquals(1, acts.size());
        assertEquals("verified", acts.get(0).outcome());
        assertEquals("Alice", acts.get(0).actorName());
        assertEquals("ok", acts.get(0).tone());
    }

    @Test
    void twoRequestsOfTheSameDeviceStayTwoActs() {
        List<ActivityRow> acts = ActivityActs.fold(newestFirst(
                entry(0, "alice-sub", "subscriber", "device.quarantine", "AA:BB:CC:00:00:01", "requested"),
                entry(1, "system", "system", "device.quarantine", "AA:BB:CC:00:00:01", "failed"),
                entry(60, "alice-sub", "subscriber", "device.quarantine", "AA:BB:CC:00:00:01", "requested"),
                entry(61, "system", "system", "device.quarantine", "AA:BB:CC:00:00:01", "verified")));
        assertEquals(List.of("verified", "failed"), acts.stream().map(ActivityRow::outcome).toList());
    }

    @Test
    void aStaffVisitIsOneRowHoweverManyPagesItOpened() {
        List<ActivityRow> acts = ActivityActs.fold(newestFirst(
                entry(0, "sam", "support", "household.view", "HS-1", "shown"),
                entry(5, "sam", "support", "household.view", "HS-1", "shown"),
                entry(20, "sam", "support", "household.view", "HS-1", "shown"),
                entry(120, "sam", "support", "household.view", "HS-1", "shown")));
        assertEquals(2, acts.size());
        assertEquals(1, acts.get(0).pages());
        assertEquals(3, acts.get(1).pages());
    }

    @Test
    void progressWithoutItsRequestInViewIsShownAsItIs() {
        List<ActivityRow> acts = ActivityActs.fold(newestFirst(
                entry(3, "system", "system", "device.quarantine", "AA:BB:CC:00:00:01", "verified")));
        assertEquals(1, acts.size());
        assertEquals("verified", acts.get(0).outcome());
    }

    private List<ActivityRow> newestFirst(AuditEntry... oldestFirst) {
        List<ActivityRow> rows = new ArrayList<>();
        for (AuditEntry entry : oldestFirst) {
            rows.add(0, ActivityViews.row(entry, MEMBERS, mac -> null));
        }
        return rows;
    }

    private AuditEntry entry(int minute, String actor, String role, String action, String target, String outcome) {
        AuditEntry entry = new AuditEntry();
        entry.id = ++ids;
        entry.occurredAt = T0.plusSeconds(minute * 60L);
        entry.actor = actor;
        entry.actorRole = role;
        entry.action = action;
        entry.target = target;
        entry.outcome = outcome;
        return entry;
    }
}
