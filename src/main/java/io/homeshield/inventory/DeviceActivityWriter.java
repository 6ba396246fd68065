package io.homeshield.inventory;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Adds traffic counts to the hourly and daily roll-ups in JDBC batches: one MERGE per device-hour
 * and per device-day-destination of a telemetry batch, never one statement per event. The rows of
 * one router's devices are only written by that router's batches, which arrive one at a time.
 */
@ApplicationScoped
public class DeviceActivityWriter {

    private static final String ADD_ACTIVITY = """
            merge into device_activity t
            using (values (cast(? as uuid), cast(? as timestamp with time zone), cast(? as bigint), cast(? as bigint),
                           cast(? as bigint), cast(? as bigint)))
                  as s (device_id, bucket_start, bytes_out, bytes_in, flows, lookups)
            on t.device_id = s.device_id and t.bucket_start = s.bucket_start
            when matched then update set bytes_out = t.bytes_out + s.bytes_out, bytes_in = t.bytes_in + s.bytes_in,
                                         flows = t.flows + s.flows, lookups = t.lookups + s.lookups
            when not matched then insert (device_id, bucket_start, bytes_out, bytes_in, flows, lookups)
                                  values (s.device_id, s.bucket_start, s.bytes_out, s.bytes_in, s.flows, s.lookups)
            """;

    private static final String ADD_DESTINATION = """
            merge into device_destination t
            using (values (cast(? as uuid), cast(? as date), cast(? as varchar(253)), cast(? as bigint),
                           cast(? as bigint)))
                  as s (device_id, activity_day, destination, bytes, connections)
            on t.device_id = s.device_id and t.activity_day = s.activity_day and t.destination = s.destination
            when matched then update set bytes = t.bytes + s.bytes, connections = t.connections + s.connections
            when not matched then insert (device_id, activity_day, destination, bytes, connections)
                                  values (s.device_id, s.activity_day, s.destination, s.bytes, s.connections)
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
        });
    }
}
