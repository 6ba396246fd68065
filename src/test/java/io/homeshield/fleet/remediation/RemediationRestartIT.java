package io.homeshield.fleet.remediation;

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
 * A running remediation job survives a restart of the application: the packaged application is
 * stopped in the middle of the job and started again, and the job carries on from where it stood;
 * no router that was done before the restart is sent the command again.
 */
class RemediationRestartIT {

    private static final int ROUTERS = 300;
    private static final Map<String, String> FAST = Map.of("homeshield.enforcement.dispatch-interval", "1s",
            "homeshield.fleet.remediation.tick-interval", "500ms");

    @Test
    void aJobResumesAfterARestartWithoutRepeatingDoneRouters() throws Exception {
        UUID job = UUID.randomUUID();
        try (Connection db = TestDatabase.connect()) {
            Map<UUID, Integer> doneBefore;
            try (AppInstance first = AppInstance.start("fleet-first", FAST)) {
                first.awaitStarted(Duration.ofSeconds(120));
                jobOverSimulatedRouters(db, job);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> count(db, job, "DONE") >= 100);
            }
            doneBefore = attemptsOfDone(db, job);
            assertTrue(count(db, job, "PENDING") > 0, "the restart came in the middle of the job");
            try (AppInstance second = AppInstance.start("fleet-second", FAST)) {
                second.awaitStarted(Duration.ofSeconds(120));
                await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                        .until(() -> "COMPLETED".equals(jobState(db, job)));
            }
            assertEquals(ROUTERS, count(db, job, "DONE"));
            assertEquals(ROUTERS, rebootActions(db, job), "one command per router");
            Map<UUID, Integer> doneAfter = attemptsOfDone(db, job);
            doneBefore.forEach((router, attempts) -> assertEquals(attempts, doneAfter.get(router),
                    "router " + router + " was done before the restart and was not sent the command again"));
        }
    }

    private static void jobOverSimulatedRouters(Connection db, UUID job) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        UUID household = UUID.randomUUID();
        String run = job.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        db.setAutoCommit(false);
        try (PreparedStatement h = db.prepareStatement("insert into household (id, account_number, display_name, kind,"
                + " created_at) values (?, ?, 'Restart job', 'HOME', ?)");
                PreparedStatement r = db.prepareStatement("insert into router (id, household_id, serial_number, model,"
                        + " firmware, channel, created_at) values (?, ?, ?, 'HS-Box 7', '1.4.2', 'SIMULATED', ?)");
                PreparedStatement j = db.prepareStatement("insert into remediation_job (id, kind, title, target_query,"
                        + " state, canary_size, wave_size, wave_interval_ms, max_failure_percent, waves_started,"
                        + " next_wave_at, finished_at_resume, failures_at_resume, reason, created_by, created_at,"
                        + " updated_at) values (?, 'REBOOT', 'Restart 300 routers', 'restart test', 'RUNNING', 20, 20,"
                        + " 500, 10, 0, ?, 0, 0, 'Restart test of the remediation job', 'it', ?, ?)");
                PreparedStatement t = db.prepareStatement("insert into remediation_target (job_id, router_id,"
                        + " household_id, position, state, updated_at) values (?, ?, ?, ?, 'PENDING', ?)")) {
            h.setObject(1, household);
            h.setString(2, "RR-" + run);
            h.setTimestamp(3, now);
            h.executeUpdate();
            j.setObject(1, job);
            j.setTimestamp(2, now);
            j.setTimestamp(3, now);
            j.setTimestamp(4, now);
            j.executeUpdate();
            for (int i = 0; i < ROUTERS; i++) {
                UUID router = UUID.randomUUID();
                r.setObject(1, router);
                r.setObject(2, household);
                r.setString(3, String.format("RR%s-%04d", run, i));
                r.setTimestamp(4, now);
                r.addBatch();
                t.setObject(1, job);
                t.setObject(2, router);
                t.setObject(3, household);
                t.setInt(4, i);
                t.setTimestamp(5, now);
                t.addBatch();
            }
            r.executeBatch();
            t.executeBatch();
        }
        db.commit();
        db.setAutoCommit(true);
    }

    private static int count(Connection db, UUID job, String state) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "select count(*) from remediation_target where job_id = ? and state = ?")) {
            s.setObject(1, job);
            s.setString(2, state);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String jobState(Connection db, UUID job) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select state from remediation_job where id = ?")) {
            s.setObject(1, job);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static int rebootActions(Connection db, UUID job) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "select count(*) from enforcement_action a join remediation_target"
                + " t on t.router_id = a.router_id where t.job_id = ? and a.kind = 'REBOOT'")) {
            s.setObject(1, job);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Map<UUID, Integer> attemptsOfDone(Connection db, UUID job) throws SQLException {
        Map<UUID, Integer> attempts = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("select t.router_id, a.attempts from remediation_target t join"
                + " enforcement_action a on a.id = t.action_id where t.job_id = ? and t.state = 'DONE'")) {
            s.setObject(1, job);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    attempts.put((UUID) rs.getObject(1), rs.getInt(2));
                }
            }
        }
        return attempts;
    }
}
