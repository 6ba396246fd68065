package io.homeshield.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/**
 * Lets a cluster-wide scheduled job run on one replica per period, however many replicas run:
 * {@code @Scheduled(identity = "feature.job", every = ..., skipExecutionIf = OncePerCluster.class)}.
 * The first replica to find the job's lease run out takes it for most of a period and runs the job;
 * the others skip. A replica that dies mid-run leaves a lease that simply runs out. Plain SQL that
 * both PostgreSQL and H2 (dev mode) run, on a connection of its own outside any transaction.
 */
@Singleton
public class OncePerCluster implements Scheduled.SkipPredicate {

    /** Replicas' timers drift apart: a lease a little shorter than the period keeps one run per period. */
    private static final double LEASE_SHARE = 0.9;
    private static final Duration UNKNOWN_PERIOD = Duration.ofMinutes(1);
    private static final String DUPLICATE_KEY = "23505";

    private final DataSource db;
    private final Clock clock;
    private final String instance;

    OncePerCluster(DataSource db, Clock clock, @ConfigProperty(name = "homeshield.jobs.instance-id") String instance) {
        this.db = db;
        this.clock = clock;
        this.instance = instance;
    }

    /** True (skip) unless this replica just took the job's lease. */
    @Override
    public boolean test(ScheduledExecution execution) {
        return !claim(execution.getTrigger().getId(), lease(execution));
    }

    /** Takes the job's lease if it has run out (or the job never ran); true if this replica holds it now. */
    public boolean claim(String job, Duration lease) {
        Instant now = clock.instant();
        OffsetDateTime start = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        OffsetDateTime until = OffsetDateTime.ofInstant(now.plus(lease), ZoneOffset.UTC);
        try (Connection c = db.getConnection()) {
            try (PreparedStatement take = c.prepareStatement("update job_lease set held_by = ?, held_until = ?, "
                    + "last_started_at = ?, runs = runs + 1 where job = ? and held_until <= ?")) {
                take.setString(1, instance);
                take.setObject(2, until);
                take.setObject(3, start);
                take.setString(4, job);
                take.setObject(5, start);
                if (take.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement first = c.prepareStatement("insert into job_lease (job, held_by, held_until, "
                    + "last_started_at, runs) select ?, ?, ?, ?, 1 where not exists (select 1 from job_lease where job "
                            + "= ?)")) {
                first.setString(1, job);
                first.setString(2, instance);
                first.setObject(3, until);
                first.setObject(4, start);
                first.setString(5, job);
                return first.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            if (!DUPLICATE_KEY.equals(e.getSQLState())) {
                Log.warnf("Job %s skipped on this replica: its lease could not be checked (%s)", job, e.getMessage());
            }
            return false;
        }
    }

    private static Duration lease(ScheduledExecution execution) {
        Instant next = execution.getTrigger().getNextFireTime();
        Instant now = execution.getScheduledFireTime();
        Duration period = next == null || now == null || !next.isAfter(now) ? UNKNOWN_PERIOD
                : Duration.between(now, next);
        return Duration.ofMillis((long) (period.toMillis() * LEASE_SHARE));
    }
}
