package io.homeshield.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One data class's retention: rows of {@code table} (identified by {@code key}) matching
 * {@code olderThan}, whose single parameter is the cutoff, are deleted.
 */
record RetentionRule(String dataClass, String table, String key, String olderThan, boolean dayColumn, Duration keep) {

    /** The cutoff as the statement's parameter: a timestamp, or a calendar day (UTC) for day columns. */
    Object cutoff(Instant now) {
        Instant cutoff = now.minus(keep);
        return dayColumn ? LocalDate.ofInstant(cutoff, ZoneOffset.UTC)
                : OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
    }

    /** The first day kept: a daily partition of an earlier day holds only rows past the retention. */
    LocalDate cutoffDay(Instant now) {
        return LocalDate.ofInstant(now.minus(keep), ZoneOffset.UTC);
    }

    /** The same rule on another table (a partition of this one). */
    RetentionRule on(String otherTable) {
        return new RetentionRule(dataClass, otherTable, key, olderThan, dayColumn, keep);
    }

    /** Deletes at most {@code batch} rows by their key, so a statement holds few row locks for a short time. */
    String deleteBatch(int batch) {
        return "delete from " + table + " where (" + key + ") in (select " + key + " from " + table + " where "
                + olderThan + " limit " + batch + ")";
    }
}
