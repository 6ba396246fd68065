package io.homeshield.telemetry.flowexport;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;

import io.homeshield.alert.EvidenceSource;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.telemetry.TelemetryPipeline;
import io.homeshield.telemetry.wire.FlowEvent;
import io.homeshield.telemetry.wire.TelemetryBatch;
import io.quarkus.logging.Log;

/**
 * Hands each router's flows to the pipeline as numbered batches. UDP cannot ask an exporter to send
 * again, so when the pipeline is full a batch is held and offered again; held flows are bounded and
 * what does not fit is dropped and counted. Sequence numbers start from the clock (in thousandths of
 * a millisecond), so batches after a restart never repeat a receipt of an earlier run.
 */
@ApplicationScoped
class FlowBatchSender {

    private final TelemetryPipeline pipeline;
    private final FlowExportConfig config;
    private final FlowExportMetrics metrics;
    private final Clock clock;
    private final LinkedBlockingQueue<TelemetryBatch> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pendingFlows = new AtomicInteger();
    private final ConcurrentHashMap<UUID, AtomicLong> sequences = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread sender;

    FlowBatchSender(TelemetryPipeline pipeline, FlowExportConfig config, FlowExportMetrics metrics, Clock clock) {
        this.pipeline = pipeline;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    void start() {
        running = true;
        metrics.pendingFlows(pendingFlows::get);
        // One sender keeps each router's batches in the order their flows arrived.
        sender = new Thread(this::run, "flow-export-sender");
        sender.setDaemon(true);
        sender.start();
    }

    void stop() {
        running = false;
        if (sender != null) {
            sender.interrupt();
        }
        if (pendingFlows.get() > 0) {
            Log.warnf("Flow export stopping with %d flows not yet applied", pendingFlows.get());
        }
    }

    /** Queues the router's flows as one batch; returns false when they were dropped because too many wait. */
    boolean offer(UUID routerId, List<FlowEvent> flows) {
        int count = flows.size();
        if (pendingFlows.addAndGet(count) > config.maxPendingFlows()) {
            pendingFlows.addAndGet(-count);
            metrics.flows("dropped", count);
            return false;
        }
        long sequence = sequences.computeIfAbsent(routerId, id -> new AtomicLong(clock.millis() * 1000))
                .getAndIncrement();
        queue.add(new TelemetryBatch(routerId, sequence, clock.instant(), new ArrayList<>(flows)));
        return true;
    }

    int pendingFlows() {
        return pendingFlows.get();
    }

    private void run() {
        while (running) {
            try {
                TelemetryBatch batch = queue.poll(1, TimeUnit.SECONDS);
                if (batch != null) {
                    deliver(batch);
                    pendingFlows.addAndGet(-batch.events().size());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void deliver(TelemetryBatch batch) throws InterruptedException {
        int flows = batch.events().size();
        while (running) {
            try {
                pipeline.accept(batch.routerId(), batch, EvidenceSource.FLOW_EXPORT);
                metrics.batch("accepted");
                metrics.flows("applied", flows);
                return;
            } catch (ProblemException e) {
                if (e.problem().status() != ProblemType.UNAVAILABLE.status()) {
                    refused(batch, e.getMessage());
                    return;
                }
                metrics.batch("busy");
            } catch (ConstraintViolationException e) {
                refused(batch, e.getMessage());
                return;
            } catch (RuntimeException e) {
                metrics.batch("failed");
                Log.warnf(e, "Flows of router %s could not be applied; trying again", batch.routerId());
            }
            TimeUnit.MILLISECONDS.sleep(config.retryDelay().toMillis());
        }
    }

    private void refused(TelemetryBatch batch, String reason) {
        metrics.batch("refused");
        metrics.flows("refused", batch.events().size());
        Log.warnf("Flows of router %s were refused: %s", batch.routerId(), reason);
    }
}
