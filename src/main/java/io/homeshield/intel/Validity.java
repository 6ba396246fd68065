package io.homeshield.intel;

import java.time.Instant;

/** When an indicator is in force: from (inclusive) until (exclusive); a null bound is open. */
record Validity(Instant from, Instant until) {

    static final Validity ALWAYS = new Validity(null, null);

    boolean holdsAt(Instant now) {
        return (from == null || !now.isBefore(from)) && (until == null || now.isBefore(until));
    }

    /** The next moment after {@code now} at which this validity starts or ends, or null. */
    Instant nextChangeAfter(Instant now) {
        if (from != null && from.isAfter(now)) {
            return from;
        }
        return until != null && until.isAfter(now) ? until : null;
    }

    /** The validity covering both, for one indicator listed twice. */
    Validity union(Validity other) {
        Instant start = from == null || other.from == null ? null : (from.isBefore(other.from) ? from : other.from);
        Instant end = until == null || other.until == null ? null : (until.isAfter(other.until) ? until : other.until);
        return new Validity(start, end);
    }
}
