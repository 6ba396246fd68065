package io.homeshield.activity;

import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * A place in a household's changes, read back from a change's event id (an SSE client's
 * {@code Last-Event-ID}): the changes after it are those that happened later, or at the same
 * microsecond with a greater id.
 */
public record ChangePosition(Instant at, String eventId) {

    static final Comparator<HouseholdChange> ORDER = Comparator.comparing(HouseholdChange::at)
            .thenComparing(HouseholdChange::eventId);

    /** The position an event id names; empty when it is not one this feed gave out. */
    public static Optional<ChangePosition> parse(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            return Optional.empty();
        }
        int dot = eventId.indexOf('.');
        try {
            long micros = Long.parseLong(eventId.substring(0, dot));
            return Optional.of(new ChangePosition(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L), eventId.strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    boolean isBefore(HouseholdChange change) {
        long theirs = micros(change.at());
        long mine = micros(at);
        return theirs > mine || theirs == mine && change.eventId().compareTo(eventId) > 0;
    }
}
