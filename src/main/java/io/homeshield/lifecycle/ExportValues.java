package io.homeshield.lifecycle;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.core.JsonGenerator;

/** A database value as JSON: numbers and booleans as such, instants in ISO-8601 UTC, the rest as text. */
final class ExportValues {

    private ExportValues() {
    }

    static void write(Object value, JsonGenerator g) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof Number n) {
            g.writeNumber(n.doubleValue());
        } else if (value instanceof Timestamp t) {
            g.writeString(t.toInstant().toString());
        } else if (value instanceof OffsetDateTime t) {
            g.writeString(t.toInstant().toString());
        } else {
            g.writeString(value.toString());
        }
    }
}
