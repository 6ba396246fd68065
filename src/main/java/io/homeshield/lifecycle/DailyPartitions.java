package io.homeshield.lifecycle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/**
 * The daily partitions of the high-volume tables on PostgreSQL (H2 keeps them whole): one partition
 * per day named {@code <table>_pYYYYMMDD}, and a default partition that takes a row for a day without
 * its own, so no row is ever refused for its date. Creates the days around today, and drops whole days
 * past a retention. Each statement commits on its own and waits at most {@code lock-timeout} for the
 * table's lock, so ingest never queues behind it for long; what it could not do is left for the next run.
 */
@ApplicationScoped
public class DailyPartitions {

    /** A partitioned table: its key is a date, or a timestamp whose day (UTC) counts. */
    record Table(String name, boolean timestampKey, int fillfactor) {
    }

    static final List<Table> TABLES = List.of(
            new Table("telemetry_receipt", false, 100),
            new Table("device_activity", true, 80),
            new Table("device_destination", false, 90));

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final DataSource db;
    private final PartitionConfig config;

    DailyPartitions(DataSource db, PartitionConfig config) {
        this.db = db;
        this.config = config;
    }

    /** The table's partitioning if it is one of the partitioned tables in a database that partitions them. */
    Optional<Table> partitioned(Connection c, String table) throws SQLException {
        if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
            return Optional.empty();
        }
        return TABLES.stream().filter(t -> t.name().equals(table)).findFirst();
    }

    /**
     * Creates the partitions missing from {@code days-back} before today to {@code days-ahead} after it; the count
     * made.
     */
    int ensureAround(LocalDate today) throws SQLException {
        int created = 0;
        try (Connection c = db.getConnection()) {
            if (!c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                return 0;
            }
            c.setAutoCommit(true);
            lockTimeout(c);
            for (Table table : TABLES) {
                List<LocalDate> existing = days(c, table.name());
                for (LocalDate day = today.minusDays(config.daysBack()); !day
                        .isAfter(today.plusDays(config.daysAhead()));
                        day = day.plusDays(1)) {
                    if (existing.contains(day)) {
                        continue;
                    }
                    try (Statement s = c.createStatement()) {
                        s.execute(createStatement(table, day));
                        created++;
                    } catch (SQLException e) {
                        // rows of that day already wait in the default partition (or the lock was busy): they stay
                        // there
                        Log.warnf("Partition %s of %s not created: %s", day, table.name(), e.getMessage());
                    }
                }
            }
        }
        return created;
    }

    /**
     * Drops the table's daily partitions of days before {@code cutoff}; returns about how many rows each
     * held (the planner's estimate: counting a day of a busy fleet would read it all just to drop it).
     * Rows of those days in the default partition are left to the batched delete.
     */
    List<Integer> dropBefore(Connection c, Table table, LocalDate cutoff) throws SQLException {
        List<Integer> dropped = new ArrayList<>();
        lockTimeout(c);
        for (LocalDate day : days(c, table.name())) {
            if (!day.isBefore(cutoff)) {
                continue;
            }
            String partition = partitionName(table, day);
            try (Statement s = c.createStatement()) {
                int rows;
                try (ResultSet rs = s.executeQuery(
                        "select greatest(reltuples, 0)::bigint from pg_class where relname = '"
                        + partition + "' and relnamespace = current_schema()::regnamespace")) {
                    rows = rs.next() ? (int) Math.min(Integer.MAX_VALUE, rs.getLong(1)) : 0;
                }
                s.execute("drop table " + partition);
                dropped.add(rows);
                Log.infof("Dropped partition %s (about %d rows past retention)", partition, rows);
            }
        }
        return dropped;
    }

    /** The default partition, where rows of days without a partition of their own are. */
    static String defaultPartition(Table table) {
        return table.name() + "_default";
    }

    /** The days that have a partition of their own now, oldest first. */
    static List<LocalDate> days(Connection c, String table) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        try (PreparedStatement find = c.prepareStatement("""
                select child.relname from pg_inherits i
                join pg_class child on child.oid = i.inhrelid
                join pg_class parent on parent.oid = i.inhparent
                join pg_namespace n on n.oid = parent.relnamespace
                where parent.relname = ? and n.nspname = current_schema()
                order by child.relname
                """)) {
            find.setString(1, table);
            try (ResultSet rs = find.executeQuery()) {
                String prefix = table + "_p";
                while (rs.next()) {
                    String name = rs.getString(1);
                    if (name.startsWith(prefix) && name.length() == prefix.length() + 8) {
                        days.add(LocalDate.parse(name.substring(prefix.length()), SUFFIX));
                    }
                }
            }
        }
        return days;
    }

    static String partitionName(Table table, LocalDate day) {
        return table.name() + "_p" + day.format(SUFFIX);
    }

    static String createStatement(Table table, LocalDate day) {
        String from = table.timestampKey() ? "'" + day + " 00:00:00+00'" : "'" + day + "'";
        String to = table.timestampKey() ? "'" + day.plusDays(1) + " 00:00:00+00'" : "'" + day.plusDays(1) + "'";
        return "create table if not exists " + partitionName(table, day) + " partition of " + table.name()
                + " for values from (" + from + ") to (" + to + ")"
                + (table.fillfactor() < 100 ? " with (fillfactor = " + table.fillfactor() + ")" : "");
    }

    private void lockTimeout(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set lock_timeout = " + config.lockTimeout().toMillis());
        }
    }
}
