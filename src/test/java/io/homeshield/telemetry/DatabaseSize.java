package io.homeshield.telemetry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.homeshield.alert.Alert;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * On-disk size of every table of the application's schema with its indexes and TOAST
 * (pg_total_relation_size), by table.
 */
final class DatabaseSize {

    private DatabaseSize() {
    }

    static Map<String, Long> byTable() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Alert.getEntityManager().createNativeQuery(
                "select c.relname, pg_total_relation_size(c.oid) from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace"
                        + " where c.relkind in ('r', 'p') and n.nspname = current_schema()", Object[].class)
                .getResultList());
        Map<String, Long> out = new HashMap<>();
        for (Object[] row : rows) {
            out.put((String) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    /** What each table grew by from {@code before} to {@code after}. */
    static Map<String, Long> growth(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> out = new HashMap<>();
        after.forEach((table, size) -> out.put(table, size - before.getOrDefault(table, 0L)));
        return out;
    }
}
