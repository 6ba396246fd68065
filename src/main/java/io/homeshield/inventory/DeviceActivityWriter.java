package io.homeshield.inventory;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Adds traffic counts to the hourly and daily roll-ups, never one statement per event: on
 * PostgreSQL one MERGE per table taking the telemetry batch's rows as arrays, elsewhere a JDBC
 * batch of one MERGE per device-hour and per device-day-destination. The rows of
 * one router's devices are only written by that router's batches, which arrive one at a time.
 * Sums saturate at the column's maximum instead of failing the batch: {@code least(t, max - s) + s}
 * never overflows for the non-negative counts a batch adds.
 */
@ApplicationScoped
public class DeviceActivityWriter {

    private static final String ADD_ACTIVITY = """
            merge into device_activity t
            using (values (cast(? as uuid), cast(? as timestamp with time zone), cast(? as bigint), cast(? as bigint),
                           cast(? as bigint), cast(? as bigint)))
                  as s (device_id, bucket_start, bytes_out, bytes_in, flows, lookups)
            on t.device_id = s.device_id and t.bucket_start = s.bucket_start
            when matched then update set
                bytes_out = least(t.bytes_out, 9223372036854775807 - s.bytes_out) + s.bytes_out,
                bytes_in = least(t.bytes_in, 9223372036854775807 - s.bytes_in) + s.bytes_in,
                flows = least(t.flows, 9223372036854775807 - s.flows) + s.flows,
                lookups = least(t.lookups, 9223372036854775807 - s.lookups) + s.lookups
            when not matched then insert (device_id, bucket_start, bytes_out, bytes_in, flows, lookups)
                                  values (s.device_id, s.bucket_start, s.bytes_out, s.bytes_in, s.flows, s.lookups)
            """;

    private static final String ADD_DESTINATION = """
            merge into device_destination t
            using (values (cast(? as uuid), cast(? as date), cast(? as varchar(253)), cast(? as bigint),
                           cast(? as bigint)))
                  as s (device_id, activity_day, destination, bytes, connections)
            on t.device_id = s.device_id and t.activity_day = s.activity_day and t.destination = s.destination
            when matched then update set bytes = least(t.bytes, 9223372036854775807 - s.bytes) + s.bytes,
                                         connections = least(t.connections, 9223372036854775807 - s.connections)
                                                       + s.connections
            when not matched then insert (device_id, activity_day, destination, bytes, connections)
                                  values (s.device_id, s.activity_day, s.destination, s.bytes, s.connections)
            """;

    /**
     * PostgreSQL takes a batch's rows as arrays: one set-based statement per table instead of one per
     * row. An upsert finds each row through the primary key whatever the table's size, where a join
     * planned once for a prepared statement could keep scanning the whole table.
     */
    private static final String ADD_ACTIVITY_ROWS = """
            insert into device_activity as t (device_id, bucket_start, bytes_out, bytes_in, flows, lookups)
            select s.device_id, to_timestamp(s.epoch_second), s.bytes_out, s.bytes_in, s.flows, s.lookups
            from unnest(cast(? as uuid[]), cast(? as bigint[]), cast(? as bigint[]), cast(? as bigint[]),
                        cast(? as bigint[]), cast(? as bigint[]))
                 as s (device_id, epoch_second, bytes_out, bytes_in, flows, lookups)
            on conflict (device_id, bucket_start) do update
            set bytes_out = least(t.bytes_out, 9223372036854775807 - excluded.bytes_out) + excluded.bytes_out,
                bytes_in = least(t.bytes_in, 9223372036854775807 - excluded.bytes_in) + excluded.bytes_in,
                flows = least(t.flows, 9223372036854775807 - excluded.flows) + excluded.flows,
                lookups = least(t.lookups, 9223372036854775807 - excluded.lookups) + excluded.lookups
            """;

    private static final String ADD_DESTINATION_ROWS = """
            insert into device_destination as t (device_id, activity_day, destination, bytes, connections)
            select s.device_id, date '1970-01-01' + s.epoch_day, s.destination, s.bytes, s.connections
            from unnest(cast(? as uuid[]), cast(? as int[]), cast(? as varchar(253)[]), cast(? as bigint[]),
                        cast(? as bigint[]))
                 as s (device_id, epoch_day, destination, bytes, connections)
            on conflict (device_id, activity_day, destination) do update
            set bytes = least(t.bytes, 9223372036854775807 - excluded.bytes) + excluded.bytes,
                connections = least(t.connections, 9223372036854775807 - excluded.connections) + excluded.connections
            """;

    private final EntityManager em;

    DeviceActivityWriter(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(Collection<ActivityCounts> activity, Collection<DestinationCounts> destinations) {
        if (activity.isEmpty() && destinations.isEmpty()) {
            return;
        }
        // new devices of this batch must be in the table before rows referring to them
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                addAsArrays(connection, activity, destinations);
            } else {
                addAsMerges(connection, activity, destinations);
            }
        });
    }

    /** Elsewhere (H2 in dev mode): a JDBC batch of one MERGE per row. */
    static void addAsMerges(Connection connection, Collection<ActivityCounts> activity,
            Collection<DestinationCounts> destinations) throws SQLException {
        try (PreparedStatement add = connection.prepareStatement(ADD_ACTIVITY)) {
            for (ActivityCounts a : activity) {
                add.setObject(1, a.deviceId());
                add.setTimestamp(2, Timestamp.from(a.hour()));
                add.setLong(3, a.bytesOut());
                add.setLong(4, a.bytesIn());
                add.setLong(5, a.flows());
                add.setLong(6, a.lookups());
                add.addBatch();
            }
            add.executeBatch();
        }
        try (PreparedStatement add = connection.prepareStatement(ADD_DESTINATION)) {
            for (DestinationCounts d : destinations) {
                add.setObject(1, d.deviceId());
                add.setDate(2, Date.valueOf(d.day()));
                add.setString(3, d.destination());
                add.setLong(4, d.bytes());
                add.setLong(5, d.connections());
                add.addBatch();
            }
            add.executeBatch();
        }
    }

    static void addAsArrays(Connection connection, Collection<ActivityCounts> activity,
            Collection<DestinationCounts> destinations) throws SQLException {
        if (!activity.isEmpty()) {
            int n = activity.size();
            UUID[] devices = new UUID[n];
            Long[] hours = new Long[n];
            Long[] bytesOut = new Long[n];
            Long[] bytesIn = new Long[n];
            Long[] flows = new Long[n];
            Long[] lookups = new Long[n];
            int i = 0;
            for (ActivityCounts a : activity) {
                devices[i] = a.deviceId();
                hours[i] = a.hour().getEpochSecond();
                bytesOut[i] = a.bytesOut();
                bytesIn[i] = a.bytesIn();
                flows[i] = a.flows();
                lookups[i++] = a.lookups();
            }
            try (PreparedStatement add = connection.prepareStatement(ADD_ACTIVITY_ROWS)) {
                add.setArray(1, connection.createArrayOf("uuid", devices));
                add.setArray(2, connection.createArrayOf("bigint", hours));
                add.setArray(3, connection.createArrayOf("bigint", bytesOut));
                add.setArray(4, connection.createArrayOf("bigint", bytesIn));
                add.setArray(5, connection.createArrayOf("bigint", flows));
                add.setArray(6, connection.createArrayOf("bigint", lookups));
                add.executeUpdate();
            }
        }
        if (!destinations.isEmpty()) {
            int n = destinations.size();
            UUID[] devices = new UUID[n];
            Integer[] days = new Integer[n];
            String[] names = new String[n];
            Long[] bytes = new Long[n];
            Long[] connections = new Long[n];
            int i = 0;
            for (DestinationCounts d : destinations) {
                devices[i] = d.deviceId();
                days[i] = (int) d.day().toEpochDay();
                names[i] = d.destination();
                bytes[i] = d.bytes();
                connections[i++] = d.connections();
            }
            try (PreparedStatement add = connection.prepareStatement(ADD_DESTINATION_ROWS)) {
                add.setArray(1, connection.createArrayOf("uuid", devices));
                add.setArray(2, connection.createArrayOf("int", days));
                add.setArray(3, connection.createArrayOf("text", names));
                add.setArray(4, connection.createArrayOf("bigint", bytes));
                add.setArray(5, connection.createArrayOf("bigint", connections));
                add.executeUpdate();
            }
        }
    }
}
