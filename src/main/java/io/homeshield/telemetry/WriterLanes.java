package io.homeshield.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.alert.EvidenceSource;
import io.homeshield.telemetry.wire.TelemetryBatch;
import io.quarkus.logging.Log;

/**
 * Group commit: batches arriving at the same time are gathered on a fixed set of writer lanes and
 * applied together, a group per transaction, instead of each paying its own. A router's batches
 * always take the same lane (its id's hash), which applies them in the order they arrived, so no
 * lock per batch orders them. A lane takes what is waiting, waits at most {@code max-wait} for more
 * (up to {@code max-batches}), applies the group and only then answers each batch's sender: nothing
 * is acknowledged before it is committed. A group that fails is split in halves that are applied
 * on their own, down to the one batch that fails, so one bad batch never fails the others.
 */
@ApplicationScoped
class WriterLanes {

    private record Pending(BatchProcessor.Submitted batch, CompletableFuture<BatchOutcome> outcome) {
    }

    private final BatchProcessor processor;
    private final IngestMetrics metrics;
    private final TelemetryConfig.GroupCommit config;
    private final List<Lane> lanes = new ArrayList<>();
    private volatile boolean stopping;
    private volatile boolean grouping;

    WriterLanes(BatchProcessor processor, IngestMetrics metrics, TelemetryConfig config) {
        this.processor = processor;
        this.metrics = metrics;
        this.config = config.groupCommit();
        if (this.config.enabled()) {
            for (int i = 0; i < Math.max(1, this.config.lanes()); i++) {
                Lane lane = new Lane(i);
                lanes.add(lane);
                lane.thread.start();
            }
        }
        this.grouping = !lanes.isEmpty();
    }

    /**
     * Turns grouping off (each batch in its own transaction, as with {@code group-commit.enabled=false})
     * or back on, so that both pipelines can be compared on one running instance.
     */
    void grouping(boolean on) {
        grouping = on && !lanes.isEmpty();
    }

    /**
     * Applies the batch in the next group of its router's lane and returns once that group has
     * committed; a failure of this batch alone is thrown as it would be without groups.
     */
    BatchOutcome apply(UUID routerId, TelemetryBatch batch, EvidenceSource source) {
        if (!grouping || stopping) {
            return processor.process(routerId, batch, source);
        }
        try {
            return submit(new BatchProcessor.Submitted(routerId, batch, source)).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the batch's group was applied", e);
        }
    }

    /** Queues the batch on its router's lane; the outcome completes once its group has committed. */
    CompletableFuture<BatchOutcome> submit(BatchProcessor.Submitted batch) {
        Pending pending = new Pending(batch, new CompletableFuture<>());
        Lane lane = lanes.get(Math.floorMod(batch.routerId().hashCode(), lanes.size()));
        synchronized (lane) {
            if (!lane.closed) {
                lane.queue.add(pending);
                return pending.outcome();
            }
        }
        // the lane has stopped (the application is shutting down): applied here, alone
        applyIsolating(List.of(pending));
        return pending.outcome();
    }

    /** Applies the batches as one group on the caller's thread, isolating those that fail. */
    List<CompletableFuture<BatchOutcome>> applyTogether(List<BatchProcessor.Submitted> batches) {
        List<Pending> group = batches.stream().map(b -> new Pending(b, new CompletableFuture<>())).toList();
        applyIsolating(group);
        return group.stream().map(Pending::outcome).toList();
    }

    /** Batches waiting on the lanes now. */
    int waiting() {
        return lanes.stream().mapToInt(l -> l.queue.size()).sum();
    }

    /** Lets the lanes apply what is queued, then stops them; later batches are applied one at a time. */
    @PreDestroy
    void stop() {
        stopping = true;
        for (Lane lane : lanes) {
            try {
                lane.thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private final class Lane implements Runnable {

        private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        private final Thread thread;
        private boolean closed;

        Lane(int index) {
            this.thread = new Thread(this, "ingest-lane-" + index);
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            List<Pending> group = new ArrayList<>();
            while (true) {
                try {
                    Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        if (stopping && close()) {
                            return;
                        }
                        continue;
                    }
                    group.add(first);
                    gather(group);
                    applyIsolating(group);
                } catch (InterruptedException e) {
                    group.forEach(p -> p.outcome().completeExceptionally(e));
                    return;
                } catch (Throwable e) {
                    Log.error("An ingest lane failed a group", e);
                    group.forEach(p -> p.outcome().completeExceptionally(e));
                } finally {
                    group.clear();
                }
            }
        }

        /** Closes the lane if nothing waits on it; a batch arriving later is applied by its sender. */
        private synchronized boolean close() {
            closed = queue.isEmpty();
            return closed;
        }

        private void gather(List<Pending> group) throws InterruptedException {
            long deadline = System.nanoTime() + config.maxWait().toNanos();
            int max = Math.max(1, config.maxBatches());
            while (group.size() < max) {
                Pending next = queue.poll();
                if (next == null) {
                    long left = deadline - System.nanoTime();
                    next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        return;
                    }
                }
                group.add(next);
            }
        }
    }

    private void applyIsolating(List<Pending> group) {
        List<BatchOutcome> outcomes;
        try {
            outcomes = processor.process(group.stream().map(Pending::batch).toList());
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).outcome().completeExceptionally(e);
            } else {
                // in order: a router's earlier batches are applied before its later ones
                int half = group.size() / 2;
                applyIsolating(group.subList(0, half));
                applyIsolating(group.subList(half, group.size()));
            }
            return;
        }
        metrics.committedGroup(group.size());
        for (int i = 0; i < group.size(); i++) {
            group.get(i).outcome().complete(outcomes.get(i));
        }
    }
}
