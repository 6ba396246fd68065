package io.homeshield.telemetry.flowexport;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.ConstraintViolationException;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.wire.TelemetryBatch;
import io.quarkus.logging.Log;

/**
 * One thread delivering the batches of the routers assigned to it, one after another in the order
 * they were handed over, so each router's flows are applied in the order they came. When the
 * pipeline is full a batch is offered again after a pause; the lane holds at most its share of
 * flows, and refuses further batches until the pipeline has taken some.
 */
final class HandOffLane {

    private record Waiting(TelemetryBatch batch, long since) {
    }

    private final LinkedBlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger pendingFlows = new AtomicInteger();
    private final int maxPendingFlows;
    private final long retryDelayMillis;
    private final FlowBatchSink sink;
    private final FlowExportMetrics metrics;
    private final FlowExportDrops drops;
    private volatile boolean running;
    private Thread thread;

    HandOffLane(int maxPendingFlows, long retryDelayMillis, FlowBatchSink sink, FlowExportMetrics metrics,
            FlowExportDrops drops) {
        this.maxPendingFlows = maxPendingFlows;
        this.retryDelayMillis = retryDelayMillis;
        this.sink = sink;
        this.metrics = metrics;
        this.drops = drops;
    }

    void start(String name) {
        running = true;
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Queues the batch; false when the lane already holds as many flows as it may (nothing is queued). */
    boolean offer(TelemetryBatch batch) {
        int flows = batch.events().size();
        if (pendingFlows.addAndGet(flows) > maxPendingFlows) {
            pendingFlows.addAndGet(-flows);
            return false;
        }
        queue.add(new Waiting(batch, System.nanoTime()));
        return true;
    }

    int pendingFlows() {
        return pendingFlows.get();
    }

    private void run() {
        while (running) {
            try {
                Waiting waiting = queue.poll(1, TimeUnit.SECONDS);
                if (waiting != null) {
                    deliver(waiting.batch());
                    metrics.handOffWait(System.nanoTime() - waiting.since());
                    pendingFlows.addAndGet(-waiting.batch().events().size());
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
                sink.accept(batch);
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
            TimeUnit.MILLISECONDS.sleep(retryDelayMillis);
        }
    }

    private void refused(TelemetryBatch batch, String reason) {
        metrics.batch("refused");
        metrics.flows("refused", batch.events().size());
        drops.dropped(FlowExportDrops.Reason.REFUSED, batch.events().size(),
                "router " + batch.routerId() + ": " + reason);
    }
}
