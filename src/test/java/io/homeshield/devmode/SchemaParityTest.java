package io.homeshield.devmode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.homeshield.testsupport.TestDatabase;

/**
 * Dev mode's embedded H2 and production's PostgreSQL, each migrated from empty with its own
 * migrations, have the same tables, columns, types, nullability, indexes and foreign keys, except
 * where PostgreSQL has what H2 cannot express (listed below with the reason). PostgreSQL is migrated
 * into a schema of its own, so the test database the other tests use is left alone.
 */
class SchemaParityTest {

    private static final String PG_SCHEMA = "schema_parity";

    /** Differences on purpose: each says which database has what, and why. */
    private static final Map<String, String> INTENTIONAL = Map.ofEntries(
            Map.entry("index household (account_number)", "PostgreSQL: a text_pattern_ops index answers"
                    + " 'starts with' whatever the collation; H2's unique index on the column already does"),
            Map.entry("index router (serial_number)", "as household (account_number): PostgreSQL's"
                    + " text_pattern_ops beside the unique index H2 also uses for prefixes"),
            Map.entry("index household (lower((display_name)::text))", "PostgreSQL: an expression index for"
                    + " the case-insensitive name search; H2 has no expression indexes"),
            Map.entry("index household (display_name)", "H2's stand-in for household_name_prefix"),
            Map.entry("index alert (lower((indicator)::text))", "PostgreSQL: an expression index for the"
                    + " indicator search; H2 has no expression indexes"),
            Map.entry("index alert (router_id, type, dedup_key) unique", "PostgreSQL: unique where device_id is"
                    + " null (a partial index); H2 has no partial indexes"),
            Map.entry("index alert (router_id, type, dedup_key)", "H2's stand-in for the partial unique index"),
            Map.entry("index audit_entry (id)", "PostgreSQL: the partial index of unsealed entries; H2 finds"
                    + " them through its primary key"),
            Map.entry("foreign key device_activity.device_id", "PostgreSQL dropped it for ingest throughput"
                    + " (V26); the only writer adds rows for devices it has just read, so H2's check never fails"),
            Map.entry("foreign key device_destination.device_id", "as device_activity's (V25)"),
            Map.entry("index telemetry_receipt (router_id, sequence, sent_day) unique", "PostgreSQL: receipts are"
                    + " partitioned by the day of the batch's sentAt (V79), and a partitioned table's key must hold"
                    + " the partition key; a resend carries the same sentAt, so it still conflicts"),
            Map.entry("index telemetry_receipt (router_id, sequence) unique", "H2 keeps receipts whole: its key is"
                    + " the router and sequence alone"));

    @Test
    void h2AndPostgresqlAgreeAfterMigration() throws SQLException {
        MigratedSchema h2 = migratedH2();
        MigratedSchema postgresql = migratedPostgresql();
        assertTrue(h2.columns().size() > 100 && postgresql.columns().size() > 100, "both schemas were read");

        Map<String, String> differences = new TreeMap<>();
        compare("column", h2.columns(), postgresql.columns(), differences);
        compare("index", h2.indexes(), postgresql.indexes(), differences);
        compare("foreign key", h2.foreignKeys(), postgresql.foreignKeys(), differences);

        Set<String> unexpected = new TreeSet<>(differences.keySet());
        unexpected.removeAll(INTENTIONAL.keySet());
        Set<String> gone = new TreeSet<>(INTENTIONAL.keySet());
        gone.removeAll(differences.keySet());
        assertEquals("", describe(unexpected, differences) + describe(gone, INTENTIONAL),
                "differences between the H2 and PostgreSQL schemas (first unexpected ones, then listed ones that"
                        + " no longer differ)");
    }

    private static void compare(String what, Map<String, String> h2, Map<String, String> postgresql,
            Map<String, String> differences) {
        Set<String> keys = new TreeSet<>(h2.keySet());
        keys.addAll(postgresql.keySet());
        for (String key : keys) {
            String inH2 = h2.getOrDefault(key, "(none)");
            String inPostgresql = postgresql.getOrDefault(key, "(none)");
            boolean bothHave = h2.containsKey(key) && postgresql.containsKey(key);
            // An index's name does not matter where both have it: what it covers does.
            if (!inH2.equals(inPostgresql) && !(what.equals("index") && bothHave)) {
                differences.put(what + " " + key, "H2: " + inH2 + "; PostgreSQL: " + inPostgresql);
            }
        }
    }

    private static String describe(Set<String> keys, Map<String, String> details) {
        StringBuilder text = new StringBuilder();
        keys.forEach(key -> text.append(key).append(" — ").append(details.get(key)).append('\n'));
        return text.toString();
    }

    private static MigratedSchema migratedH2() throws SQLException {
        String devUrl = DevProfile.applicationProperties().getProperty("%dev.quarkus.datasource.jdbc.url");
        String url = "jdbc:h2:mem:schema_parity" + devUrl.substring(devUrl.indexOf(';'));
        try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration", "classpath:db/vendor/h2")
                    .load().migrate();
            MigratedSchema schema = MigratedSchema.read(keepAlive, "public");
            try (Statement s = keepAlive.createStatement()) {
                s.execute("drop all objects");
            }
            return schema;
        }
    }

    private static MigratedSchema migratedPostgresql() throws SQLException {
        try (Connection connection = TestDatabase.connect(); Statement s = connection.createStatement()) {
            s.execute("drop schema if exists " + PG_SCHEMA + " cascade");
            try {
                Flyway.configure().dataSource(connection.getMetaData().getURL(), "homeshield", "homeshield")
                        .schemas(PG_SCHEMA).createSchemas(true)
                        .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                        .load().migrate();
                return MigratedSchema.read(connection, PG_SCHEMA);
            } finally {
                s.execute("drop schema if exists " + PG_SCHEMA + " cascade");
            }
        }
    }
}
