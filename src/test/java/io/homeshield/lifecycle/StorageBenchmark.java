package io.homeshield.lifecycle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.simulator.scenario.ScenarioFleet;
import io.homeshield.telemetry.BenchmarkProfile;
import io.homeshield.telemetry.TelemetryPipeline;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.wire.TelemetryBatch;
import io.homeshield.wire.TelemetryEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Bytes stored per household: the scenario fleet's ordinary homes play {@code bench.days} days of
 * telemetry through the pipeline (router batches every {@code bench.batch-seconds}), then retention
 * runs. Per data class it counts the rows the played households got per day and takes the bytes a
 * row costs in PostgreSQL (table, TOAST and indexes divided by rows); at steady state each class
 * holds its retention's worth of days. Reported: bytes added per household per day, bytes per
 * household at steady state, and the database for 1,000,000 households.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
class StorageBenchmark {

    private static final int HOMES = Integer.getInteger("bench.homes", 6);
    private static final int DAYS = Integer.getInteger("bench.days", 2);
    private static final int BATCH_SECONDS = Integer.getInteger("bench.batch-seconds", 30);
    private static final long HOUSEHOLDS = 1_000_000;

    @Inject
    TelemetryPipeline pipeline;

    @Inject
    Retention retention;

    @Inject
    RetentionConfig config;

    @Inject
    DataSource db;

    /** A data class: its table, the rows of the played households, and how many days of them are kept. */
    private record DataClass(String table, String rowsOfHouseholds, Duration keep) {
    }

    @Test
    void measure() throws Exception {
        Instant start = Instant.now().minus(Duration.ofDays(DAYS));
        List<UUID> households = new ArrayList<>();
        long events = play(start, households);
        retention.runOnce();

        String ids = households.stream().map(id -> "'" + id + "'").reduce((a, b) -> a + "," + b).orElseThrow();
        String devices = "(select id from device where household_id in (" + ids + "))";
        String routers = "(select id from router where household_id in (" + ids + "))";
        List<DataClass> growing = List.of(
                new DataClass("telemetry_receipt", "router_id in " + routers, config.telemetryReceipts()),
                new DataClass("device_activity", "device_id in " + devices, config.hourlyRollups()),
                new DataClass("device_destination", "device_id in " + devices, config.dailyRollups()),
                new DataClass("alert", "household_id in (" + ids + ")", config.alerts()),
                new DataClass("enforcement_action", "household_id in (" + ids + ")", config.actions()),
                new DataClass("router_config_change", "router_id in " + routers, config.auditLog()),
                new DataClass("audit_entry", "household_id in (" + ids + ")", config.auditLog()));
        List<DataClass> standing = List.of(
                new DataClass("household", "id in (" + ids + ")", null),
                new DataClass("household_member", "household_id in (" + ids + ")", null),
                new DataClass("router", "household_id in (" + ids + ")", null),
                new DataClass("device", "household_id in (" + ids + ")", null),
                new DataClass("router_config_current", "router_id in " + routers, null));

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Storage benchmark: %d households of the scenario fleet, %d days, batches every %d s, %,d events,"
                        + " retention on%n  %-22s %14s %12s %12s %18s%n",
                HOMES, DAYS, BATCH_SECONDS, events, "class", "rows/hh/day", "bytes/row", "kept days",
                "bytes/hh steady"));
        double perDay = 0;
        double steady = 0;
        try (Connection c = db.getConnection()) {
            for (DataClass k : growing) {
                double rowsPerDay = count(c, k) / (double) HOMES / DAYS;
                double rowBytes = bytesPerRow(c, k.table());
                long keptDays = k.keep().toDays();
                perDay += rowsPerDay * rowBytes;
                steady += rowsPerDay * rowBytes * keptDays;
                report.append(String.format(Locale.ROOT, "  %-22s %14.1f %12.0f %12d %18.0f%n", k.table(), rowsPerDay,
                        rowBytes, keptDays, rowsPerDay * rowBytes * keptDays));
            }
            for (DataClass k : standing) {
                double rows = count(c, k) / (double) HOMES;
                double rowBytes = bytesPerRow(c, k.table());
                steady += rows * rowBytes;
                report.append(String.format(Locale.ROOT, "  %-22s %14s %12.0f %12s %18.0f%n", k.table(),
                        String.format(Locale.ROOT, "%.1f rows", rows), rowBytes, "-", rows * rowBytes));
            }
        }
        report.append(String.format(Locale.ROOT, "  added per household per day: %,.0f bytes%n", perDay));
        report.append(String.format(Locale.ROOT, "  per household at steady state: %,.0f bytes (%.1f MB)%n", steady,
                steady / 1e6));
        report.append(String.format(Locale.ROOT, "  1,000,000 households at steady state: %.0f GB%n",
                steady * HOUSEHOLDS / 1e9));
        System.out.println(report);
        Files.writeString(Path.of("target", "storage-benchmark.txt"), report);
    }

    /** Plays the fleet's ordinary homes, each on a household registered here; returns the events applied. */
    private long play(Instant start, List<UUID> households) {
        Map<UUID, UUID> routerOf = new HashMap<>();
        Map<UUID, List<TelemetryEvent>> open = new LinkedHashMap<>();
        Map<UUID, Long> sequence = new HashMap<>();
        long[] applied = { 0 };
        int per = Math.max(1, BATCH_SECONDS / (int) ScenarioFleet.BATCH_INTERVAL.toSeconds());
        Map<UUID, Integer> collected = new HashMap<>();
        new ScenarioFleet(20261207L, HOMES, 0, start, Duration.ofDays(DAYS)).play(batch -> {
            UUID router = routerOf.computeIfAbsent(batch.routerId(), id -> {
                Fixtures.TestHousehold home = Fixtures.household("storage-bench-" + UUID.randomUUID());
                households.add(home.id().value());
                return home.routerId();
            });
            open.computeIfAbsent(router, id -> new ArrayList<>()).addAll(batch.events());
            if (collected.merge(router, 1, Integer::sum) % per == 0 && !open.get(router).isEmpty()) {
                List<TelemetryEvent> events = open.put(router, new ArrayList<>());
                long seq = sequence.merge(router, 1L, Long::sum);
                pipeline.applyFromStream(router, new TelemetryBatch(router, seq, batch.sentAt(), events));
                applied[0] += events.size();
            }
        });
        return applied[0];
    }

    private static long count(Connection c, DataClass k) throws SQLException {
        try (PreparedStatement q = c.prepareStatement("select count(*) from " + k.table() + " where "
                + k.rowsOfHouseholds()); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Table, TOAST and index bytes over the table's rows, after VACUUM ANALYZE settles both. */
    private static double bytesPerRow(Connection c, String table) throws SQLException {
        c.setAutoCommit(true);
        try (var vacuum = c.createStatement()) {
            vacuum.execute("vacuum analyze " + table);
        }
        try (PreparedStatement q = c.prepareStatement("select pg_total_relation_size(?::regclass), count(*) from "
                + table)) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(2) == 0 ? 0 : rs.getLong(1) / (double) rs.getLong(2);
            }
        }
    }
}
