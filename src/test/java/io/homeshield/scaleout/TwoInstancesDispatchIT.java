package io.homeshield.scaleout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.testsupport.AppInstance;
import io.homeshield.testsupport.TestDatabase;

/**
 * Two replicas of the packaged application share one PostgreSQL: every quarantine in the outbox
 * is carried to its router exactly once, and both replicas take part.
 */
class TwoInstancesDispatchIT {

    private static final int ACTIONS = 200;

    @Test
    void twoInstancesDispatchEachActionExactlyOnce() throws Exception {
        Map<String, String> fastDispatch = Map.of("homeshield.enforcement.dispatch-interval", "1s",
                "homeshield.enforcement.batch-size", "4");
        try (AppInstance a = AppInstance.start("replica-a", fastDispatch);
                AppInstance b = AppInstance.start("replica-b", fastDispatch)) {
            a.awaitStarted(Duration.ofSeconds(120));
            b.awaitStarted(Duration.ofSeconds(120));
            UUID household = UUID.randomUUID();
            try (Connection db = TestDatabase.connect()) {
                outbox(db, household);
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                        .until(() -> count(db, household, "state = 'VERIFIED'") == ACTIONS);

                assertEquals(ACTIONS, count(db, household, "attempts = 1"), "no action was claimed twice");
                Map<String, Integer> byReplica = byReplica(db, household);
                assertEquals(ACTIONS, byReplica.values().stream().mapToInt(Integer::intValue).sum());
                assertTrue(byReplica.keySet().containsAll(java.util.Set.of("replica-a", "replica-b")),
                        "both replicas dispatched: " + byReplica);
                assertEquals(ACTIONS, verifiedAuditEntries(db, household), "one 'verified' entry per action");
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- replica-a\n" + tail(a) + "\n--- replica-b\n" + tail(b),
                        e);
            }
        }
    }

    /** A household with one simulated router, 200 devices and a requested quarantine for each. */
    private static void outbox(Connection db, UUID household) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        UUID router = UUID.randomUUID();
        db.setAutoCommit(false);
        try (PreparedStatement h = db.prepareStatement(
                "insert into household (id, account_number, display_name, kind, created_at) values (?, ?, ?, 'HOME', "
                        + "?)");
                PreparedStatement r = db.prepareStatement("insert into router (id, household_id, serial_number, model, "
                        + "firmware, channel, created_at) values (?, ?, ?, 'HS-Box 7', '1.4.2', 'SIMULATED', ?)");
                PreparedStatement d = db.prepareStatement("insert into device (id, household_id, router_id, mac, "
                        + "device_type, first_seen, last_seen, online) values (?, ?, ?, ?, 'CAMERA', ?, ?, true)");
                PreparedStatement q = db.prepareStatement("insert into device_quarantine (device_id, household_id, "
                        + "router_id, level, requested_by, requested_at) values (?, ?, ?, 'FULL', 'it', ?)");
                PreparedStatement act = db.prepareStatement(
                        "insert into enforcement_action (id, household_id, router_id, "
                        + "device_id, kind, target_mac, state, attempts, next_attempt_at, requested_by, requested_at, "
                        + "updated_at) values (?, ?, ?, ?, 'QUARANTINE', ?, 'REQUESTED', 0, ?, 'it', ?, ?)")) {
            String suffix = household.toString().substring(0, 8).toUpperCase(Locale.ROOT);
            h.setObject(1, household);
            h.setString(2, "IT-" + suffix);
            h.setString(3, "Two replicas");
            h.setTimestamp(4, now);
            h.executeUpdate();
            r.setObject(1, router);
            r.setObject(2, household);
            r.setString(3, "IT-SN-" + suffix);
            r.setTimestamp(4, now);
            r.executeUpdate();
            for (int i = 0; i < ACTIONS; i++) {
                UUID device = UUID.randomUUID();
                String mac = String.format("0E:11:22:33:%02X:%02X", i / 256, i % 256);
                d.setObject(1, device);
                d.setObject(2, household);
                d.setObject(3, router);
                d.setString(4, mac);
                d.setTimestamp(5, now);
                d.setTimestamp(6, now);
                d.addBatch();
                q.setObject(1, device);
                q.setObject(2, household);
                q.setObject(3, router);
                q.setTimestamp(4, now);
                q.addBatch();
                act.setObject(1, UUID.randomUUID());
                act.setObject(2, household);
                act.setObject(3, router);
                act.setObject(4, device);
                act.setString(5, mac);
                act.setTimestamp(6, now);
                act.setTimestamp(7, now);
                act.setTimestamp(8, now);
                act.addBatch();
            }
            d.executeBatch();
            q.executeBatch();
            act.executeBatch();
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static int count(Connection db, UUID household, String condition) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "select count(*) from enforcement_action where household_id = ? and " + condition)) {
            s.setObject(1, household);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Map<String, Integer> byReplica(Connection db, UUID household) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("select dispatched_by, count(*) from enforcement_action "
                + "where household_id = ? group by dispatched_by")) {
            s.setObject(1, household);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    private static int verifiedAuditEntries(Connection db, UUID household) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select count(*) from audit_entry where household_id = ? "
                + "and action = 'device.quarantine' and outcome = 'verified'")) {
            s.setObject(1, household);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String tail(AppInstance instance) {
        String out = instance.output();
        return out.length() > 4000 ? out.substring(out.length() - 4000) : out;
    }

}
