package io.homeshield.infra;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

import io.homeshield.testsupport.TestDatabase;

/** The job lease on both databases the application runs on: PostgreSQL and H2 (dev mode). */
class OncePerClusterTest {

    private static final Duration LEASE = Duration.ofSeconds(9);

    @ParameterizedTest
    @ValueSource(strings = { "postgresql", "h2" })
    void oneReplicaHoldsAJobUntilItsLeaseRunsOut(String database) throws Exception {
        DataSource db = dataSource(database);
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T10:00:00Z"));
        OncePerCluster a = new OncePerCluster(db, clock, "replica-a");
        OncePerCluster b = new OncePerCluster(db, clock, "replica-b");

        assertTrue(a.claim("feature.job", LEASE), "the first replica takes a job never run before");
        assertFalse(b.claim("feature.job", LEASE), "the other replica skips while the lease holds");
        assertFalse(a.claim("feature.job", LEASE), "the holder too: one run per lease");
        assertTrue(b.claim("other.job", LEASE), "each job has its own lease");

        clock.advance(Duration.ofSeconds(8));
        assertFalse(b.claim("feature.job", LEASE));
        clock.advance(Duration.ofSeconds(1));
        assertTrue(b.claim("feature.job", LEASE), "a lease run out is taken by whichever replica comes first");
        assertFalse(a.claim("feature.job", LEASE));
    }

    private static DataSource dataSource(String database) throws Exception {
        DataSource db;
        if (database.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:lease;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
            db = h2;
        } else {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL("jdbc:postgresql://127.0.0.1:5432/" + TestDatabase.name());
            pg.setUser("homeshield");
            pg.setPassword("homeshield");
            // A schema of its own, so the application's migrated schema is left alone
            try (Connection c = pg.getConnection(); Statement s = c.createStatement()) {
                s.execute("create schema if not exists lease_test");
            }
            pg.setCurrentSchema("lease_test");
            db = pg;
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop table if exists job_lease");
            s.execute(Files.readString(Path.of("src/main/resources/db/migration/V14__job_lease.sql")));
        }
        return db;
    }

    private static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
