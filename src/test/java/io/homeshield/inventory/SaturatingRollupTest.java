package io.homeshield.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.testsupport.TestDatabase;

/**
 * The roll-up writers on both databases: adding to a sum a step from the largest bigint leaves it
 * at the largest bigint instead of failing the batch, and ordinary sums still add up.
 */
class SaturatingRollupTest {

    private static final long NEAR_MAX = Long.MAX_VALUE - 5;
    private static final Instant HOUR = Instant.parse("2026-12-01T10:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-12-01");

    @Test
    void onPostgresqlSumsStopAtTheLargestBigint() throws SQLException {
        try (Connection connection = TestDatabase.connect()) {
            // temporary tables come first in the search path: this test's own, gone with the connection
            create(connection, "temporary ");
            assertSaturates(connection, true);
        }
    }

    @Test
    void onH2SumsStopAtTheLargestBigint() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:rollup-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "sa", "")) {
            create(connection, "");
            assertSaturates(connection, false);
        }
    }

    private static void assertSaturates(Connection connection, boolean postgresql) throws SQLException {
        UUID device = UUID.randomUUID();
        add(connection, postgresql, new ActivityCounts(device, HOUR, NEAR_MAX, 10, NEAR_MAX, 1),
                new DestinationCounts(device, DAY, "cdn.example.net", NEAR_MAX, 1));
        add(connection, postgresql, new ActivityCounts(device, HOUR, 1_000, 20, 7, 2),
                new DestinationCounts(device, DAY, "cdn.example.net", Long.MAX_VALUE, 4));

        assertEquals(List.of(Long.MAX_VALUE, 30L, Long.MAX_VALUE, 3L),
                longs(connection, "select bytes_out, bytes_in, flows, lookups from device_activity"));
        assertEquals(List.of(Long.MAX_VALUE, 5L),
                longs(connection, "select bytes, connections from device_destination"));
    }

    private static void add(Connection connection, boolean postgresql, ActivityCounts activity,
            DestinationCounts destination) throws SQLException {
        if (postgresql) {
            DeviceActivityWriter.addAsArrays(connection, List.of(activity), List.of(destination));
        } else {
            DeviceActivityWriter.addAsMerges(connection, List.of(activity), List.of(destination));
        }
    }

    /** The two roll-up tables with their keys, as the migrations make them. */
    private static void create(Connection connection, String kind) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("create " + kind + "table device_activity (device_id uuid not null,"
                    + " bucket_start timestamp with time zone not null, bytes_out bigint not null, bytes_in bigint not "
                            + "null,"
                    + " flows bigint not null, lookups bigint not null, primary key (device_id, bucket_start))");
            statement.execute("create " + kind + "table device_destination (device_id uuid not null,"
                    + " activity_day date not null, destination varchar(253) not null, bytes bigint not null,"
                    + " connections bigint not null, primary key (device_id, activity_day, destination))");
        }
    }

    private static List<Long> longs(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            int columns = row.getMetaData().getColumnCount();
            Long[] values = new Long[columns];
            for (int i = 0; i < columns; i++) {
                values[i] = row.getLong(i + 1);
            }
            assertEquals(false, row.next(), "one row");
            return List.of(values);
        }
    }
}
