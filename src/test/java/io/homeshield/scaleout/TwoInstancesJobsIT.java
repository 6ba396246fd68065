package io.homeshield.scaleout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.homeshield.testsupport.AppInstance;
import io.homeshield.testsupport.TestDatabase;

/**
 * Two replicas of the packaged application share one PostgreSQL and both schedule the cluster-wide
 * jobs every two seconds: each job runs once per period across the two, not once per replica. They
 * share a database of their own, so how long a job's run takes does not depend on what other tests
 * left behind (a reconcile run over their routers could outlast the period).
 */
class TwoInstancesJobsIT {

    private static final List<String> JOBS = List.of("enforcement.reconcile", "enforcement.quarantine-expiry");
    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Duration WINDOW = Duration.ofSeconds(12);
    private static final String DATABASE = TestDatabase.name() + "_jobs";
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;

    @Test
    void clusterWideJobsRunOncePerPeriodAcrossReplicas() throws Exception {
        try (Connection admin = TestDatabase.connect(); Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE);
        }
        Map<String, String> everySecond = Map.of("homeshield.enforcement.reconcile-interval", "1s",
                "homeshield.enforcement.reconcile-delay", "1s", "homeshield.enforcement.expiry-interval", "1s",
                "quarkus.datasource.jdbc.url", URL);
        try (AppInstance a = AppInstance.start("replica-a", everySecond);
                AppInstance b = AppInstance.start("replica-b", everySecond)) {
            a.awaitStarted(Duration.ofSeconds(120));
            b.awaitStarted(Duration.ofSeconds(120));
            try (Connection db = DriverManager.getConnection(URL, "homeshield", "homeshield")) {
                await().atMost(Duration.ofSeconds(30)).until(() -> runs(db).keySet().containsAll(JOBS));
                Map<String, Long> before = runs(db);
                Thread.sleep(WINDOW.toMillis());
                Map<String, Long> after = runs(db);

                long periods = WINDOW.toMillis() / PERIOD.toMillis();
                for (String job : JOBS) {
                    long ran = after.get(job) - before.get(job);
                    // Once per replica would be about 2 x periods; a loaded machine may delay a few timers.
                    assertTrue(ran >= periods / 2 && ran <= periods + 1,
                            job + " ran " + ran + " times in " + periods + " periods");
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- replica-a\n" + tail(a) + "\n--- replica-b\n" + tail(b),
                        e);
            }
        }
    }

    private static Map<String, Long> runs(Connection db) throws SQLException {
        Map<String, Long> runs = new HashMap<>();
        try (PreparedStatement s = db.prepareStatement("select job, runs from job_lease");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                runs.put(rs.getString(1), rs.getLong(2));
            }
        }
        return runs;
    }

    private static String tail(AppInstance instance) {
        String out = instance.output();
        return out.length() > 4000 ? out.substring(out.length() - 4000) : out;
    }
}
