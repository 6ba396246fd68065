package io.homeshield.telemetry.flowexport;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.alert.EvidenceSource;
import io.homeshield.telemetry.TelemetryPipeline;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.TelemetryBatch;
import io.quarkus.logging.Log;

/**
 * Hands each router's flows to the pipeline as numbered batches, on parallel lanes. UDP cannot ask an
 * exporter to send again, so when the pipeline is full a batch is held and offered again; held flows
 * are bounded and what does not fit is dropped, counted and logged. Sequence numbers start from the
 * clock (in thousandths of a millisecond), so batches after a restart never repeat a receipt of an
 * earlier run.
 */
@ApplicationScoped
class FlowBatchSender {

    private final TelemetryPipeline pipeline;
    private final FlowExportConfig config;
    private final FlowExportMetrics metrics;
    private final FlowExportDrops drops;
    private final Clock clock;
    private final ConcurrentHashMap<UUID, AtomicLong> sequences = new ConcurrentHashMap<>();
    private HandOffLanes lanes;

    FlowBatchSender(TelemetryPipeline pipeline, FlowExportConfig config, FlowExportMetrics metrics,
            FlowExportDrops drops, Clock clock) {
        this.pipeline = pipeline;
        this.config = config;
        this.metrics = metrics;
        this.drops = drops;
        this.clock = clock;
    }

    void start() {
        lanes = new HandOffLanes(config.handOffLanes(), config.maxPendingFlows(), config.retryDelay().toMillis(),
                this::handOver, metrics, drops);
        metrics.pendingFlows(lanes::pendingFlows);
        lanes.start();
    }

    /**
     * Hands the batch to the pipeline and returns once the pipeline has taken it (applied on arrival):
     * its records are stored with the next flush without holding the hand-off lane. A refusal, or a
     * failure before the pipeline took it, is thrown for the lane to handle.
     */
    private void handOver(TelemetryBatch batch) {
        TelemetryPipeline.Taking taking = pipeline.take(batch.routerId(), batch, EvidenceSource.FLOW_EXPORT);
        taking.outcome().whenComplete((outcome, e) -> {
            if (e != null && taking.taken().isDone() && !taking.taken().isCompletedExceptionally()) {
                Log.errorf("Flows of router %s were taken but could neither be stored nor kept as a dead letter: %s",
                        batch.routerId(), e.getMessage());
            }
        });
        try {
            taking.taken().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    void stop() {
        if (lanes == null) {
            return;
        }
        lanes.stop();
        if (lanes.pendingFlows() > 0) {
            Log.warnf("Flow export stopping with %d flows not yet applied", lanes.pendingFlows());
        }
    }

    /** Queues the router's flows as one batch; returns false when they were dropped because its lane is full. */
    boolean offer(UUID routerId, List<FlowEvent> flows) {
        long sequence = sequences.computeIfAbsent(routerId, id -> new AtomicLong(clock.millis() * 1000))
                .getAndIncrement();
        return lanes.offer(new TelemetryBatch(routerId, sequence, clock.instant(), new ArrayList<>(flows)));
    }

    int pendingFlows() {
        return lanes == null ? 0 : lanes.pendingFlows();
    }
}
