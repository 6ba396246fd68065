package io.homeshield.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.LockModeType;

import io.homeshield.household.HouseholdId;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Writes waiting archives: claims one job at a time (rows locked with SKIP LOCKED, so replicas never
 * take the same one), writes the household's archive through gzip into a temporary file while it
 * records how many sections are done, then stores the compressed archive with the job. Each step is a
 * short statement of its own; the archive is read from one snapshot as the synchronous download is.
 */
@ApplicationScoped
class ExportWriter {

    /** {@code jakarta.persistence.lock.timeout} value Hibernate renders as SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;

    private final DataSource db;
    private final HouseholdExport export;
    private final ExportConfig config;
    private final Clock clock;
    private final Event<Wake> wake;

    ExportWriter(DataSource db, HouseholdExport export, ExportConfig config, Clock clock, Event<Wake> wake) {
        this.db = db;
        this.wake = wake;
        this.export = export;
        this.config = config;
        this.clock = clock;
    }

    void requested(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExportService.ExportRequested job) {
        wake.fireAsync(new Wake());
    }

    record Wake() {
    }

    void woken(@ObservesAsync Wake wake) {
        writeWaiting();
    }

    @Scheduled(every = "${homeshield.export.every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        writeWaiting();
    }

    /** Writes waiting archives until none is left; returns how many were written. */
    synchronized int writeWaiting() {
        int written = 0;
        Optional<Claimed> job;
        while ((job = claim()).isPresent()) {
            write(job.get());
            written++;
        }
        return written;
    }

    private record Claimed(UUID id, HouseholdId household) {
    }

    private Optional<Claimed> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<ExportJob> next = ExportJob.<ExportJob>find("state = ?1 order by createdAt",
                    ExportJob.State.QUEUED)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                    .page(0, 1).firstResultOptional();
            next.ifPresent(job -> {
                job.state = ExportJob.State.RUNNING;
                job.startedAt = clock.instant();
            });
            return next.map(job -> new Claimed(job.id, new HouseholdId(job.householdId)));
        });
    }

    private void write(Claimed job) {
        Path file = null;
        try {
            file = Files.createTempFile("homeshield-export-", ".json.gz");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                export.write(job.household(), out, done -> progress(job.id(), done));
            }
            store(job.id(), file);
        } catch (IOException | UncheckedIOException | IllegalStateException | SQLException e) {
            Log.warnf("The archive of export %s could not be written: %s", job.id(), e.getMessage());
            failed(job.id(), e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    Log.debugf("Temporary archive %s stays: %s", file, e.getMessage());
                }
            }
        }
    }

    private void progress(UUID job, int sectionsDone) {
        update("update export_job set sections_done = ? where id = ?", sectionsDone, job);
    }

    private void store(UUID job, Path file) throws IOException, SQLException {
        try (Connection c = db.getConnection(); InputStream in = Files.newInputStream(file);
                PreparedStatement ready = c.prepareStatement("update export_job set state = 'READY', archive = ?,"
                        + " archive_bytes = ?, finished_at = ?, expires_at = ? where id = ?")) {
            c.setAutoCommit(true);
            ready.setBinaryStream(1, in, Files.size(file));
            ready.setLong(2, Files.size(file));
            ready.setObject(3, now());
            ready.setObject(4, now().plus(config.linkValid()));
            ready.setObject(5, job);
            ready.executeUpdate();
        }
    }

    private void failed(UUID job, String error) {
        String why = error == null ? "unknown" : error.length() > 500 ? error.substring(0, 500) : error;
        update("update export_job set state = 'FAILED', error = ?, finished_at = ? where id = ?", why, now(), job);
    }

    private void update(String sql, Object... values) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            Log.warnf("An export's progress could not be recorded: %s", e.getMessage());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
