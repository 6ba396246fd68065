package io.homeshield.infra;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Values of a native query's columns, whichever type the database driver hands them over as. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column: PostgreSQL's driver and H2 give an Instant, OffsetDateTime or Timestamp. */
    public static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
