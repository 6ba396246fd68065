package io.homeshield.lifecycle;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The retention job runs on one replica per period, however many start it at once. */
@QuarkusTest
class RetentionJobTest {

    @Inject
    Retention retention;

    @Inject
    DataSource db;

    @Test
    void twoCallersAtOnceRunRetentionOnce() throws Exception {
        releaseLease();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Optional<RetentionReport>>> callers = List.of(
                    CompletableFuture.supplyAsync(() -> awaitThenRun(start)),
                    CompletableFuture.supplyAsync(() -> awaitThenRun(start)));
            start.countDown();
            long ran = callers.stream().map(CompletableFuture::join).filter(Optional::isPresent).count();
            assertThat(ran, equalTo(1L));
            assertThat("a later call in the same period is skipped", retention.runOnce().isPresent(), equalTo(false));
        } finally {
            releaseLease();
        }
    }

    private Optional<RetentionReport> awaitThenRun(CountDownLatch start) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return retention.runOnce();
    }

    private void releaseLease() throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement delete = c.prepareStatement("delete from job_lease where job = ?")) {
            delete.setString(1, Retention.JOB);
            delete.executeUpdate();
        }
    }
}
