package io.homeshield.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.homeshield.testsupport.TestDatabase;

/**
 * Each data class on both databases the application runs on (PostgreSQL, and H2 in dev mode):
 * rows just past their retention are deleted, rows just inside it are kept, in bounded batches.
 * PostgreSQL is migrated into a schema of its own, so the other tests' database is left alone.
 */
class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final int BATCH = 1000;

    private DataSource db;
    private UUID household;
    private UUID router;
    private UUID device;

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void eachDataClassIsDeletedAfterItsRetentionAndNotBefore(String database) throws Exception {
        RetentionConfig config = defaults();
        setUp(database);
        insertHouseholdData(config);

        RetentionReport report = purge(config).purge(NOW);

        assertKept("telemetry_receipt", "sequence", List.of("2"));
        assertKept("device_activity", "bytes_out", List.of("2"));
        assertKept("device_destination", "destination", List.of("young.example"));
        assertKept("alert", "indicator", List.of("young.example"));
        assertKept("alert_feedback", "comment", List.of("on the young alert"));
        assertKept("enforcement_action", "requested_by", List.of("old but still requested", "young"));
        assertKept("webhook_delivery", "event_id", List.of("old-pending", "young"));
        assertKept("webhook_attempt", "status", List.of("204"));
        assertKept("api_idempotency", "idempotency_key", List.of("young"));
        assertKept("telemetry_dead_letter", "reason", List.of("young"));
        assertEquals(1, report.deleted("telemetry-receipts"));
        assertEquals(1, report.deleted("alerts"));
        assertEquals(1, report.deleted("alert-feedback"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void moreRowsThanOneBatchAreDeletedInStatementsOfAtMostABatch(String database) throws Exception {
        RetentionConfig config = defaults();
        setUp(database);
        int rows = 2 * BATCH + 1;
        try (Connection c = db.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into telemetry_receipt (router_id, sequence,"
                        + " event_count, received_at, sent_day) values (?, ?, 1, ?, ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setObject(1, router);
                insert.setLong(2, i);
                insert.setObject(3, at(NOW.minus(config.telemetryReceipts()).minusSeconds(60 + i)));
                insert.setObject(4, day(NOW.minus(config.telemetryReceipts()).minusSeconds(60 + i)));
                insert.addBatch();
            }
            insert.executeBatch();
        }

        RetentionReport report = purge(config).purge(NOW);

        assertEquals(List.of(BATCH, BATCH, 1), report.batches().get("telemetry-receipts"));
        assertEquals(0, count("telemetry_receipt"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "postgresql" })
    void onPostgresqlWholeDaysPastTheRetentionArePartitionsDropped(String database) throws Exception {
        RetentionConfig config = defaults();
        setUp(database);
        DailyPartitions partitions = new DailyPartitions(db, partitionConfig());
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        assertTrue(partitions.ensureAround(today) > 0);
        LocalDate oldDay = today.minusDays(10);
        LocalDate youngDay = today.minusDays(2);
        try (Connection c = db.getConnection()) {
            execute(c, "insert into telemetry_receipt (router_id, sequence, event_count, received_at, sent_day)"
                    + " values (?, 1, 1, ?, ?), (?, 2, 1, ?, ?)", router, at(NOW.minus(Duration.ofDays(10))), oldDay,
                    router, at(NOW.minus(Duration.ofDays(2))), youngDay);
        }
        assertEquals(1, count("telemetry_receipt_p" + oldDay.toString().replace("-", "")));

        RetentionReport report = purge(config).purge(NOW);

        // a dropped day reports the planner's estimate of its rows (none before the table was analysed)
        assertTrue(report.batches().containsKey("telemetry-receipts"));
        assertKept("telemetry_receipt", "sequence", List.of("2"));
        try (Connection c = db.getConnection()) {
            List<LocalDate> days = DailyPartitions.days(c, "telemetry_receipt");
            // every day before the cutoff went as a whole partition; the cutoff's day and later stay
            assertEquals(today.minusDays(config.telemetryReceipts().toDays()), days.get(0));
            assertTrue(days.contains(youngDay) && days.contains(today.plusDays(7)), days.toString());
        }
    }

    private RetentionPurge purge(RetentionConfig config) {
        return new RetentionPurge(new RetentionRules(config), new BatchedDelete(db),
                new DailyPartitions(db, partitionConfig()), db, config);
    }

    private static PartitionConfig partitionConfig() {
        return new PartitionConfig() {
            @Override
            public int daysAhead() {
                return 7;
            }

            @Override
            public int daysBack() {
                return 31;
            }

            @Override
            public String every() {
                return "6h";
            }

            @Override
            public Duration lockTimeout() {
                return Duration.ofSeconds(5);
            }
        };
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private void insertHouseholdData(RetentionConfig config) throws SQLException {
        try (Connection c = db.getConnection()) {
            Instant receiptsOld = NOW.minus(config.telemetryReceipts()).minusSeconds(60);
            Instant receiptsYoung = NOW.minus(config.telemetryReceipts()).plusSeconds(60);
            execute(c, "insert into telemetry_receipt (router_id, sequence, event_count, received_at, sent_day)"
                    + " values (?, 1, 1, ?, ?), (?, 2, 1, ?, ?)", router, at(receiptsOld), day(receiptsOld), router,
                    at(receiptsYoung), day(receiptsYoung));

            execute(c, "insert into device_activity (device_id, bucket_start, bytes_out, bytes_in, flows, lookups)"
                    + " values (?, ?, 1, 0, 0, 0), (?, ?, 2, 0, 0, 0)",
                    device, at(NOW.minus(config.hourlyRollups()).minusSeconds(3600)),
                    device, at(NOW.minus(config.hourlyRollups()).plusSeconds(3600)));

            LocalDate cutoffDay = LocalDate.ofInstant(NOW.minus(config.dailyRollups()), ZoneOffset.UTC);
            execute(c, "insert into device_destination (device_id, activity_day, destination, bytes, connections)"
                    + " values (?, ?, 'old.example', 1, 1), (?, ?, 'young.example', 1, 1)",
                    device, cutoffDay.minusDays(1), device, cutoffDay.plusDays(1));

            UUID oldAlert = alert(c, "old.example", NOW.minus(config.alerts()).minusSeconds(60));
            UUID youngAlert = alert(c, "young.example", NOW.minus(config.alerts()).plusSeconds(60));
            feedback(c, oldAlert, "on the old alert");
            feedback(c, youngAlert, "on the young alert");

            Instant actionsOld = NOW.minus(config.actions()).minusSeconds(60);
            action(c, "VERIFIED", "old and done", actionsOld);
            action(c, "REQUESTED", "old but still requested", actionsOld);
            action(c, "FAILED", "young", NOW.minus(config.actions()).plusSeconds(60));

            UUID webhook = UUID.randomUUID();
            execute(c, "insert into webhook (id, household_id, url, secret, event_types, created_by, created_at)"
                    + " values (?, ?, 'https://receiver.example/hook', 'whsec', 'alert.opened', 'owner', ?)",
                    webhook, household, at(NOW));
            Instant deliveriesOld = NOW.minus(config.webhookDeliveries()).minusSeconds(60);
            UUID oldDelivered = delivery(c, webhook, "old-delivered", "DELIVERED", deliveriesOld);
            delivery(c, webhook, "old-pending", "PENDING", deliveriesOld);
            UUID young = delivery(c, webhook, "young", "DELIVERED",
                    NOW.minus(config.webhookDeliveries()).plusSeconds(60));
            execute(c, "insert into webhook_attempt (delivery_id, attempted_at, status, duration_ms) values (?, ?, "
                    + "500, 1),"
                    + " (?, ?, 204, 1)", oldDelivered, at(deliveriesOld), young, at(NOW));

            execute(c, "insert into api_idempotency (household_id, idempotency_key, request_hash, created_at)"
                    + " values (?, 'old', 'h', ?), (?, 'young', 'h', ?)",
                    household, at(NOW.minus(config.idempotencyKeys()).minusSeconds(60)),
                    household, at(NOW.minus(config.idempotencyKeys()).plusSeconds(60)));

            execute(c, "insert into telemetry_dead_letter (id, router_id, household_id, sequence, event_count,"
                    + " received_at, attempts, reason, batch) values (?, ?, ?, 1, 1, ?, 3, 'old', '{}'),"
                    + " (?, ?, ?, 2, 1, ?, 3, 'young', '{}')",
                    UUID.randomUUID(), router, household, at(NOW.minus(config.deadLetters()).minusSeconds(60)),
                    UUID.randomUUID(), router, household, at(NOW.minus(config.deadLetters()).plusSeconds(60)));
        }
    }

    private UUID alert(Connection c, String indicator, Instant at) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(c, "insert into alert (id, household_id, router_id, device_id, type, severity, status, dedup_key,"
                + " indicator, evidence, occurrences, first_seen, last_seen, created_at) values (?, ?, ?, ?,"
                + " 'KNOWN_BAD_DESTINATION', 'HIGH', 'OPEN', ?, ?, '{}', 1, ?, ?, ?)",
                id, household, router, device, indicator, indicator, at(at), at(at), at(at));
        return id;
    }

    private void feedback(Connection c, UUID alert, String comment) throws SQLException {
        execute(c, "insert into alert_feedback (id, alert_id, household_id, alert_type, indicator, device_type, "
                + "comment,"
                + " given_by, given_at, review_state) values (?, ?, ?, 'KNOWN_BAD_DESTINATION', 'x', 'PHONE', ?,"
                + " 'owner', ?, 'OPEN')", UUID.randomUUID(), alert, household, comment, at(NOW));
    }

    private void action(Connection c, String state, String requestedBy, Instant updated) throws SQLException {
        execute(c, "insert into enforcement_action (id, household_id, router_id, device_id, kind, state, attempts,"
                + " next_attempt_at, requested_by, requested_at, updated_at) values (?, ?, ?, ?, 'QUARANTINE', ?, 0,"
                + " ?, ?, ?, ?)", UUID.randomUUID(), household, router, device, state, at(updated), requestedBy,
                at(updated), at(updated));
    }

    private UUID delivery(Connection c, UUID webhook, String event, String state, Instant created) throws SQLException {
        UUID id = UUID.randomUUID();
        execute(c, "insert into webhook_delivery (id, webhook_id, household_id, event_id, event_type, payload, state,"
                + " next_attempt_at, created_at) values (?, ?, ?, ?, 'alert.opened', '{}', ?, ?, ?)",
                id, webhook, household, event, state, at(created), at(created));
        return id;
    }

    private void setUp(String database) throws Exception {
        if (database.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:retention;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                    + "DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            db = h2;
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("drop all objects");
            }
            Flyway.configure().dataSource(db).locations("classpath:db/migration", "classpath:db/vendor/h2")
                    .load().migrate();
        } else {
            try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
                s.execute("drop schema if exists retention_test cascade");
            }
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL("jdbc:postgresql://127.0.0.1:5432/" + TestDatabase.name());
            pg.setUser("homeshield");
            pg.setPassword("homeshield");
            Flyway.configure().dataSource(pg).schemas("retention_test").createSchemas(true)
                    .locations("classpath:db/migration", "classpath:db/vendor/postgresql").load().migrate();
            pg.setCurrentSchema("retention_test");
            db = pg;
        }
        household = UUID.randomUUID();
        router = UUID.randomUUID();
        device = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            execute(c, "insert into household (id, account_number, display_name, kind, created_at)"
                    + " values (?, 'R-1', 'Retention', 'HOME', ?)", household, at(NOW));
            execute(c, "insert into router (id, household_id, serial_number, model, firmware, channel, created_at)"
                    + " values (?, ?, 'SN-R-1', 'HS-Box 7', '1.4.2', 'SIMULATED', ?)", router, household, at(NOW));
            execute(c, "insert into device (id, household_id, router_id, mac, device_type, first_seen, last_seen, "
                    + "online)"
                    + " values (?, ?, ?, '02:00:00:00:00:01', 'PHONE', ?, ?, true)", device, household, router,
                    at(NOW), at(NOW));
        }
    }

    private void assertKept(String table, String column, List<String> expected) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select " + column + " from " + table + " order by " + column)) {
            List<String> kept = new java.util.ArrayList<>();
            while (rows.next()) {
                kept.add(rows.getString(1));
            }
            assertEquals(expected, kept, table + ": rows past retention deleted, the others kept");
        }
    }

    private long count(String table) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select count(*) from " + table)) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    private static void execute(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static RetentionConfig defaults() {
        return new RetentionConfig() {
            @Override
            public Duration telemetryReceipts() {
                return Duration.ofDays(7);
            }

            @Override
            public Duration hourlyRollups() {
                return Duration.ofDays(35);
            }

            @Override
            public Duration dailyRollups() {
                return Duration.ofDays(396);
            }

            @Override
            public Duration alerts() {
                return Duration.ofDays(730);
            }

            @Override
            public Duration actions() {
                return Duration.ofDays(730);
            }

            @Override
            public Duration evidence() {
                return Duration.ofDays(365);
            }

            @Override
            public Duration webhookDeliveries() {
                return Duration.ofDays(30);
            }

            @Override
            public Duration activityLog() {
                return Duration.ofDays(730);
            }

            @Override
            public Duration auditLog() {
                return Duration.ofDays(2557);
            }

            @Override
            public Duration deadLetters() {
                return Duration.ofDays(30);
            }

            @Override
            public Duration idempotencyKeys() {
                return Duration.ofDays(30);
            }

            @Override
            public String every() {
                return "off";
            }

            @Override
            public int batchSize() {
                return BATCH;
            }

            @Override
            public Duration lease() {
                return Duration.ofMinutes(50);
            }
        };
    }
}
