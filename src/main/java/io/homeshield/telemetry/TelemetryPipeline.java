package io.homeshield.telemetry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import io.homeshield.alert.EvidenceSource;
import io.homeshield.infra.problem.Problem;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.infra.problem.Problems;
import io.homeshield.wire.TelemetryBatch;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The one way into processing for every ingest path (HTTP, MQTT, flow export): validates a batch
 * from an authenticated router, waits for a place in the pipeline and applies it. Refusals are
 * exceptions carrying a problem; a full pipeline is a 503 problem the sender must retry. A checked
 * batch is applied here, or published to the telemetry stream when Kafka is on (a {@link BatchHandOff}).
 * A batch that fails to apply is tried again a few times, then stored as a dead letter with the
 * reason, so that it neither blocks the router's later batches nor is lost; only when even that
 * store fails is the sender told to retry (503).
 */
@ApplicationScoped
public class TelemetryPipeline {

    private final IngestGate gate;
    private final BatchProcessor processor;
    private final WriterLanes lanes;
    private final BatchHandOff stream;
    private final IngestMetrics metrics;
    private final TelemetryConfig config;
    private final Validator validator;
    private final BatchBounds bounds;
    private final DeadLetters deadLetters;
    /** Where failed batches wait for their next attempt and dead letters are stored, off the writer lanes. */
    private final ScheduledExecutorService retries = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "ingest-retry");
        thread.setDaemon(true);
        return thread;
    });

    TelemetryPipeline(IngestGate gate, BatchProcessor processor, WriterLanes lanes, Instance<BatchHandOff> stream,
            IngestMetrics metrics, TelemetryConfig config, Validator validator, BatchBounds bounds,
            DeadLetters deadLetters) {
        this.gate = gate;
        this.processor = processor;
        this.lanes = lanes;
        this.stream = stream.isResolvable() ? stream.get() : null;
        this.metrics = metrics;
        this.config = config;
        this.validator = validator;
        this.bounds = bounds;
        this.deadLetters = deadLetters;
    }

    @PreDestroy
    void stop() {
        retries.shutdown();
    }

    /** Applies the batch the router sent; a repeated sequence number is acknowledged without applying it again. */
    public BatchOutcome accept(UUID routerId, TelemetryBatch batch) {
        return accept(routerId, batch, EvidenceSource.ROUTER);
    }

    /**
     * Applies a batch that came in on the given channel (the router's own, or its flow export), waiting
     * for the outcome.
     */
    public BatchOutcome accept(UUID routerId, TelemetryBatch batch, EvidenceSource source) {
        try {
            return acceptAsync(routerId, batch, source).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /**
     * Checks the batch and hands it on without waiting for the outcome: a refused batch is thrown here
     * (a problem, or the constraint violations); the returned outcome completes once the batch is
     * stored (or dead-lettered, or queued in the telemetry stream), or fails with a 503 problem when
     * it could be neither applied nor stored. No thread waits meanwhile.
     */
    public CompletableFuture<BatchOutcome> acceptAsync(UUID routerId, TelemetryBatch batch, EvidenceSource source) {
        return take(routerId, batch, source).outcome();
    }

    /**
     * A batch handed to the pipeline: {@code taken} completes once the pipeline has applied it on
     * arrival (its place in the pipeline is free again), {@code outcome} once it is stored.
     */
    public record Taking(CompletableFuture<Void> taken, CompletableFuture<BatchOutcome> outcome) {
    }

    /** Checks the batch and hands it on, as {@link #acceptAsync}, telling also when it has been taken. */
    public Taking take(UUID routerId, TelemetryBatch batch, EvidenceSource source) {
        IngestGate.Permit permit;
        try {
            check(routerId, batch);
            permit = gate.enter();
        } catch (ProblemException e) {
            metrics.rejected(e.problem().status());
            throw e;
        } catch (ConstraintViolationException e) {
            metrics.rejected(400);
            throw e;
        }
        if (stream != null && stream.active()) {
            BatchOutcome outcome;
            try (permit) {
                outcome = stream.handOff(routerId, batch, source);
            }
            if (outcome.isQueued()) {
                metrics.queued();
            } else {
                count(outcome);
            }
            return new Taking(CompletableFuture.completedFuture(null), CompletableFuture.completedFuture(outcome));
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                permit.close();
            }
        };
        CompletableFuture<Void> taken = new CompletableFuture<>();
        CompletableFuture<BatchOutcome> outcome = new CompletableFuture<>();
        taken.whenComplete((v, e) -> release.run());
        outcome.whenComplete((o, e) -> {
            release.run();
            if (e != null) {
                taken.completeExceptionally(e);
            } else {
                taken.complete(null);
            }
            if (o != null) {
                count(o);
            }
        });
        attempt(new BatchProcessor.Submitted(routerId, batch, source), 1, config.applyBackoff().toMillis(), taken,
                outcome);
        return new Taking(taken, outcome);
    }

    /**
     * One attempt to apply the batch on its writer lane; a failure is tried again after a growing pause,
     * and after the last attempt the batch becomes a dead letter. If the dead letter cannot be stored
     * either (the database is away), the outcome is a 503 problem: the sender must retry.
     */
    private void attempt(BatchProcessor.Submitted s, int attempt, long pause, CompletableFuture<Void> taken,
            CompletableFuture<BatchOutcome> outcome) {
        CompletableFuture<Void> takenNow = new CompletableFuture<>();
        takenNow.thenRun(() -> taken.complete(null));
        CompletableFuture<BatchOutcome> applied;
        try {
            applied = lanes.submit(s, takenNow);
        } catch (RuntimeException e) {
            applied = CompletableFuture.failedFuture(e);
        }
        applied.whenComplete((o, e) -> {
            if (e == null) {
                outcome.complete(o);
                return;
            }
            Throwable failure = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            int attempts = Math.max(1, config.applyAttempts());
            Log.warnf("Batch %d of router %s not applied (attempt %d of %d): %s", s.batch().sequence(), s.routerId(),
                    attempt, attempts, DeadLetters.reasonOf(failure));
            try {
                if (attempt < attempts) {
                    retries.schedule(() -> attempt(s, attempt + 1, pause * 2, taken, outcome), pause,
                            TimeUnit.MILLISECONDS);
                } else {
                    retries.execute(() -> outcome.complete(deadLetter(s.routerId(), s.batch(), failure, attempts)));
                }
            } catch (RejectedExecutionException stopped) {
                outcome.completeExceptionally(unavailable());
            }
        });
    }

    private BatchOutcome deadLetter(UUID routerId, TelemetryBatch batch, Throwable failure, int attempts) {
        try {
            deadLetters.store(routerId, batch, DeadLetters.reasonOf(failure), attempts);
        } catch (RuntimeException e) {
            Log.errorf("Batch %d of router %s could not be stored as a dead letter either: %s", batch.sequence(),
                    routerId, DeadLetters.reasonOf(e));
            throw unavailable();
        }
        return BatchOutcome.deadLettered(routerId, batch.sequence(), batch.events().size());
    }

    private ProblemException unavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE,
                "The batch could not be applied now; send it again after the Retry-After delay.")
                .withHeader("Retry-After", String.valueOf(config.retryAfter().toSeconds()));
    }

    /**
     * Applies a batch taken from the telemetry stream. The replica that received it checked it, but
     * the stream may hold batches from before a bound existed or written by something else: one
     * that fails the checks now is stored as a dead letter with the reason, never retried forever.
     */
    public BatchOutcome applyFromStream(UUID routerId, TelemetryBatch batch) {
        return applyFromStream(routerId, batch, EvidenceSource.ROUTER);
    }

    /** Applies a batch taken from the telemetry stream that came in on the given channel. */
    public BatchOutcome applyFromStream(UUID routerId, TelemetryBatch batch, EvidenceSource source) {
        String refusal = refusalOf(routerId, batch);
        BatchOutcome outcome;
        if (refusal != null) {
            deadLetters.store(routerId, batch, "refused: " + refusal, 0);
            outcome = BatchOutcome.deadLettered(routerId, batch.sequence() == null ? -1 : batch.sequence(),
                    batch.events() == null ? 0 : batch.events().size());
        } else {
            outcome = applyOrDeadLetter(routerId, batch, source);
        }
        count(outcome);
        return outcome;
    }

    /** A batch taken from the telemetry stream, with the channel it came in on. */
    public record StreamBatch(UUID routerId, TelemetryBatch batch, EvidenceSource source) {
    }

    /**
     * Batches of one partition of the telemetry stream applied on arrival and waiting for their store
     * (receipts, roll-ups, configuration changes), which {@link #storeFromStream} does for several
     * polls at once, together with the partitions' positions.
     */
    public static final class StreamArrivals {

        private final List<BatchProcessor.Arrival> arrivals = new ArrayList<>();
        private final List<StreamBatch> batches = new ArrayList<>();
        private final Set<TelemetryReceipt.Key> keys = new HashSet<>();
        private long events;

        public boolean isEmpty() {
            return arrivals.isEmpty();
        }

        /** Events of the batches waiting: what they hold in memory. */
        public long events() {
            return events;
        }
    }

    /**
     * Applies batches taken from one partition of the telemetry stream on arrival, in one transaction
     * (devices, detection, alerts), and adds what they leave for storing to {@code open}. Batches
     * that fail today's checks are stored as dead letters first. If the group fails, its batches are
     * applied and stored one at a time (tried again, then dead-lettered, as always).
     */
    public void arriveFromStream(List<StreamBatch> batches, StreamArrivals open) {
        List<BatchProcessor.Submitted> checked = checkedFromStream(batches);
        List<BatchProcessor.Arrival> arrived;
        try {
            arrived = processor.arrive(checked, open.keys);
        } catch (RuntimeException e) {
            Log.warnf("A group of %d batches from the stream was not applied (%s); applying them one at a time",
                    checked.size(), DeadLetters.reasonOf(e));
            for (BatchProcessor.Submitted s : checked) {
                count(applyOrDeadLetter(s.routerId(), s.batch(), s.source()));
            }
            return;
        }
        for (int i = 0; i < checked.size(); i++) {
            BatchProcessor.Arrival a = arrived.get(i);
            if (a.kind == BatchProcessor.Arrival.Kind.DUPLICATE) {
                count(a.duplicate());
                continue;
            }
            BatchProcessor.Submitted s = checked.get(i);
            open.arrivals.add(a);
            open.batches.add(new StreamBatch(s.routerId(), s.batch(), s.source()));
            open.keys.add(a.key());
            open.events += a.events;
        }
    }

    /**
     * Stores what the waiting batches left, of every partition given, and runs {@code positions} (how
     * far each partition is applied) in the same transaction: the batches' data and the positions
     * commit together or not at all. If that fails, the batches are applied and stored one at a time
     * (tried again, then dead-lettered) and the positions are stored after them on their own. The
     * arrivals are emptied either way.
     */
    public void storeFromStream(List<StreamArrivals> parts, Runnable positions) {
        List<BatchProcessor.Arrival> arrivals = new ArrayList<>();
        List<StreamBatch> batches = new ArrayList<>();
        for (StreamArrivals part : parts) {
            arrivals.addAll(part.arrivals);
            batches.addAll(part.batches);
        }
        try {
            processor.store(arrivals, positions).forEach(this::count);
        } catch (RuntimeException e) {
            Log.warnf("%d batches from the stream were not stored (%s); applying them one at a time", arrivals.size(),
                    DeadLetters.reasonOf(e));
            for (StreamBatch b : batches) {
                count(applyOrDeadLetter(b.routerId(), b.batch(), b.source()));
            }
            QuarkusTransaction.requiringNew().run(positions);
        } finally {
            for (StreamArrivals part : parts) {
                part.arrivals.clear();
                part.batches.clear();
                part.keys.clear();
                part.events = 0;
            }
        }
    }

    private List<BatchProcessor.Submitted> checkedFromStream(List<StreamBatch> batches) {
        List<BatchProcessor.Submitted> checked = new ArrayList<>(batches.size());
        for (StreamBatch b : batches) {
            String refusal = refusalOf(b.routerId(), b.batch());
            if (refusal != null) {
                deadLetters.store(b.routerId(), b.batch(), "refused: " + refusal, 0);
                count(BatchOutcome.deadLettered(b.routerId(), b.batch().sequence() == null ? -1 : b.batch().sequence(),
                        b.batch().events() == null ? 0 : b.batch().events().size()));
            } else {
                checked.add(new BatchProcessor.Submitted(b.routerId(), b.batch(), b.source()));
            }
        }
        return checked;
    }

    /**
     * Applies a dead letter's batch once more, for an analyst: checked against today's bounds first
     * (a refused batch stays refused), then applied once, without retries or a new dead letter. Its
     * findings count as flow export's: a dead letter does not say which channel brought it, and only
     * the router's own channel may corroborate an automatic quarantine.
     */
    BatchOutcome replay(UUID routerId, TelemetryBatch batch) {
        String refusal = refusalOf(routerId, batch);
        if (refusal != null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, refusal);
        }
        BatchOutcome outcome = processor.process(routerId, batch, EvidenceSource.FLOW_EXPORT);
        count(outcome);
        return outcome;
    }

    private String refusalOf(UUID routerId, TelemetryBatch batch) {
        try {
            check(routerId, batch);
            return null;
        } catch (ProblemException e) {
            return e.problem().detail();
        } catch (ConstraintViolationException e) {
            return Problems.of(e).detail();
        }
    }

    /**
     * Applies the batch in a transaction of its own on the caller's thread, trying again with a growing
     * pause if it fails; after the last attempt the batch becomes a dead letter. If the dead letter
     * cannot be stored either (the database is away), the sender is told to retry.
     */
    BatchOutcome applyOrDeadLetter(UUID routerId, TelemetryBatch batch, EvidenceSource source) {
        RuntimeException failure = null;
        long pause = config.applyBackoff().toMillis();
        int attempts = Math.max(1, config.applyAttempts());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return processor.process(routerId, batch, source);
            } catch (RuntimeException e) {
                failure = e;
                Log.warnf("Batch %d of router %s not applied (attempt %d of %d): %s", batch.sequence(), routerId,
                        attempt, attempts, DeadLetters.reasonOf(e));
                if (attempt < attempts && !sleep(pause)) {
                    break;
                }
                pause *= 2;
            }
        }
        return deadLetter(routerId, batch, failure, attempts);
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void count(BatchOutcome outcome) {
        if (outcome.isDeadLettered()) {
            metrics.deadLettered();
        } else if (outcome.isDuplicate()) {
            metrics.duplicate();
        } else {
            metrics.accepted(outcome.events());
        }
    }

    /** The checks every batch passes before it may wait for the pipeline. */
    void check(UUID routerId, TelemetryBatch batch) {
        if (batch.events() != null && batch.events().size() > config.maxEventsPerBatch()) {
            String reason = "has " + batch.events().size() + " events; at most " + config.maxEventsPerBatch()
                    + " are accepted per batch";
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "events: " + reason + ". Split it.",
                    List.of(new Problem.Violation("events", reason)));
        }
        if (!PlainBatchCheck.certainlyValid(batch)) {
            Set<ConstraintViolation<TelemetryBatch>> violations = validator.validate(batch);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
        List<Problem.Violation> outOfBounds = bounds.violations(batch);
        if (!outOfBounds.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, outOfBounds.stream()
                    .map(v -> v.field() + ": " + v.reason()).reduce((a, b) -> a + "; " + b).orElseThrow(), outOfBounds);
        }
        if (!routerId.equals(batch.routerId())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "routerId: this credential belongs to another router.",
                    List.of(new Problem.Violation("routerId", "this credential belongs to another router")));
        }
    }
}
