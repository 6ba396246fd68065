package io.homeshield.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Writes the receipts of a group of batches with one statement and tells which were new: on
 * PostgreSQL one multi-row insert whose conflicts are the duplicates (no lookup before it, and a
 * resend racing its original on another replica waits for the original's commit, then conflicts);
 * elsewhere (H2 in dev mode) a lookup and a JDBC batch of inserts.
 */
@ApplicationScoped
class ReceiptWriter {

    private static final String INSERT_NEW = """
            insert into telemetry_receipt (router_id, sequence, event_count, received_at, sent_day)
            select s.router_id, s.sequence, s.event_count, ?, date '1970-01-01' + s.sent_day
            from unnest(cast(? as uuid[]), cast(? as bigint[]), cast(? as int[]), cast(? as int[]))
                 as s (router_id, sequence, event_count, sent_day)
            on conflict do nothing
            returning router_id, sequence
            """;

    /**
     * The receipts among the given ones. The days are repeated as a condition on the partition key so
     * that the planner reads only their partitions: without it each lookup plans and opens every day's
     * partition, which cost more than the lookup itself.
     */
    private static final String FIND_WRITTEN = """
            select r.router_id, r.sequence from telemetry_receipt r
            join unnest(cast(? as uuid[]), cast(? as bigint[]), cast(? as int[])) as s (router_id, sequence, sent_day)
              on r.router_id = s.router_id and r.sequence = s.sequence
                 and r.sent_day = date '1970-01-01' + s.sent_day
            where r.sent_day = any(cast(? as date[]))
            """;

    /** One receipt looked up on its own, on databases other than PostgreSQL (H2 in dev mode). */
    private static final String EXISTS = "select 1 from telemetry_receipt where router_id = ? and sequence = ?";

    /**
     * A batch's receipt to write. {@code sentDay} is the day (UTC) of the batch's own sentAt: the same
     * in every resend, so on PostgreSQL, whose receipts are partitioned by it, a resend still conflicts.
     */
    record Receipt(UUID routerId, long sequence, int events, LocalDate sentDay) {

        static Receipt of(UUID routerId, long sequence, int events, Instant sentAt) {
            return new Receipt(routerId, sequence, events, LocalDate.ofInstant(sentAt, ZoneOffset.UTC));
        }

        TelemetryReceipt.Key key() {
            return new TelemetryReceipt.Key(routerId, sequence);
        }
    }

    private final EntityManager em;

    ReceiptWriter(EntityManager em) {
        this.em = em;
    }

    /** Writes the receipts (distinct keys) not written before and returns their keys. */
    @Transactional(Transactional.TxType.MANDATORY)
    Set<TelemetryReceipt.Key> writeNew(List<Receipt> receipts, Instant receivedAt) {
        Set<TelemetryReceipt.Key> written = new HashSet<>();
        if (receipts.isEmpty()) {
            return written;
        }
        em.unwrap(Session.class).doWork(connection -> {
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                insertReturning(connection, receipts, receivedAt, written);
            } else {
                lookUpAndInsert(connection, receipts, receivedAt, written);
            }
        });
        return written;
    }

    /**
     * The keys whose receipts are committed already: batches sent before, which a group skips on
     * arrival. Only a hint (a resend racing its original on another replica is not seen here); the
     * insert's conflict in {@link #writeNew} decides.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Set<TelemetryReceipt.Key> written(Collection<Receipt> receipts) {
        Set<TelemetryReceipt.Key> found = new HashSet<>();
        if (receipts.isEmpty()) {
            return found;
        }
        em.unwrap(Session.class).doWork(connection -> {
            if (connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                UUID[] routers = new UUID[receipts.size()];
                Long[] sequences = new Long[receipts.size()];
                Integer[] days = new Integer[receipts.size()];
                Set<java.sql.Date> distinctDays = new HashSet<>();
                int i = 0;
                for (Receipt r : receipts) {
                    routers[i] = r.routerId();
                    sequences[i] = r.sequence();
                    days[i++] = (int) r.sentDay().toEpochDay();
                    distinctDays.add(java.sql.Date.valueOf(r.sentDay()));
                }
                try (PreparedStatement find = connection.prepareStatement(FIND_WRITTEN)) {
                    find.setArray(1, connection.createArrayOf("uuid", routers));
                    find.setArray(2, connection.createArrayOf("bigint", sequences));
                    find.setArray(3, connection.createArrayOf("int", days));
                    find.setArray(4, connection.createArrayOf("date", distinctDays.toArray()));
                    try (ResultSet rows = find.executeQuery()) {
                        while (rows.next()) {
                            found.add(new TelemetryReceipt.Key(rows.getObject(1, UUID.class), rows.getLong(2)));
                        }
                    }
                }
            } else {
                try (PreparedStatement find = connection.prepareStatement(EXISTS)) {
                    for (Receipt r : receipts) {
                        if (exists(find, r)) {
                            found.add(r.key());
                        }
                    }
                }
            }
        });
        return found;
    }

    private static boolean exists(PreparedStatement find, Receipt receipt) throws SQLException {
        find.setObject(1, receipt.routerId());
        find.setLong(2, receipt.sequence());
        try (ResultSet rows = find.executeQuery()) {
            return rows.next();
        }
    }

    private static void insertReturning(Connection connection, List<Receipt> receipts, Instant receivedAt,
            Set<TelemetryReceipt.Key> written) throws SQLException {
        int n = receipts.size();
        UUID[] routers = new UUID[n];
        Long[] sequences = new Long[n];
        Integer[] counts = new Integer[n];
        Integer[] days = new Integer[n];
        for (int i = 0; i < n; i++) {
            Receipt r = receipts.get(i);
            routers[i] = r.routerId();
            sequences[i] = r.sequence();
            counts[i] = r.events();
            days[i] = (int) r.sentDay().toEpochDay();
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_NEW)) {
            insert.setTimestamp(1, Timestamp.from(receivedAt));
            insert.setArray(2, connection.createArrayOf("uuid", routers));
            insert.setArray(3, connection.createArrayOf("bigint", sequences));
            insert.setArray(4, connection.createArrayOf("int", counts));
            insert.setArray(5, connection.createArrayOf("int", days));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    written.add(new TelemetryReceipt.Key(rows.getObject(1, UUID.class), rows.getLong(2)));
                }
            }
        }
    }

    private static void lookUpAndInsert(Connection connection, List<Receipt> receipts, Instant receivedAt,
            Set<TelemetryReceipt.Key> written) throws SQLException {
        List<Receipt> fresh = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement(EXISTS)) {
            for (Receipt r : receipts) {
                if (!exists(find, r)) {
                    fresh.add(r);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into telemetry_receipt (router_id, sequence, event_count, received_at, sent_day)"
                        + " values (?, ?, ?, ?, ?)")) {
            for (Receipt r : fresh) {
                insert.setObject(1, r.routerId());
                insert.setLong(2, r.sequence());
                insert.setInt(3, r.events());
                insert.setTimestamp(4, Timestamp.from(receivedAt));
                insert.setObject(5, r.sentDay());
                insert.addBatch();
                written.add(r.key());
            }
            insert.executeBatch();
        }
    }
}
