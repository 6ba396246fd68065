package io.homeshield.telemetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/**
 * Group commit: batches arriving at the same time are gathered on a fixed set of writer lanes and
 * applied together, a group per transaction, instead of each paying its own. A router's batches
 * always take the same lane (its id's hash), which applies them in the order they arrived, so no
 * lock per batch orders them. A lane takes what is waiting, waits at most {@code max-wait} for more
 * (up to {@code max-batches}) and applies the group on arrival: devices, detection and alerts commit
 * at once. The batches' records (receipts, roll-up sums, configuration changes) stay in memory on the
 * lane for up to {@code flush-interval} (or until they hold {@code max-open-events}), coalesced across groups, and
 * are stored in one transaction; only then is each batch's sender answered, so nothing is
 * acknowledged before its receipt and its data are committed together. A group or a store that
 * fails is split in halves that are tried on their own, down to the one batch that fails, so one bad
 * batch never fails the others.
 */
@ApplicationScoped
class WriterLanes {

    private record Pending(BatchProcessor.Submitted batch, CompletableFuture<Void> taken,
            CompletableFuture<BatchOutcome> outcome) {

        void fail(Throwable e) {
            taken.completeExceptionally(e);
            outcome.completeExceptionally(e);
        }
    }

    private record Open(Pending pending, BatchProcessor.Arrival arrival) {
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

    /** Queues the batch on its router's lane; the outcome completes once its records are stored. */
    CompletableFuture<BatchOutcome> submit(BatchProcessor.Submitted batch) {
        return submit(batch, new CompletableFuture<>());
    }

    /**
     * Queues the batch on its router's lane. {@code taken} completes once the batch has been applied
     * on arrival (or failed); the returned outcome once its records are stored. Without grouping the
     * batch is applied here, on the caller's thread, and both complete before this returns.
     */
    CompletableFuture<BatchOutcome> submit(BatchProcessor.Submitted batch, CompletableFuture<Void> taken) {
        Pending pending = new Pending(batch, taken, new CompletableFuture<>());
        if (grouping && !stopping) {
            Lane lane = lanes.get(Math.floorMod(batch.routerId().hashCode(), lanes.size()));
            synchronized (lane) {
                if (!lane.closed) {
                    lane.queue.add(pending);
                    return pending.outcome();
                }
            }
        }
        // no lanes, or they have stopped (the application is shutting down): applied here, alone
        applyIsolating(List.of(pending));
        return pending.outcome();
    }

    /** Applies the batches as one group in one transaction on the caller's thread, isolating those that fail. */
    List<CompletableFuture<BatchOutcome>> applyTogether(List<BatchProcessor.Submitted> batches) {
        List<Pending> group = batches.stream()
                .map(b -> new Pending(b, new CompletableFuture<>(), new CompletableFuture<>())).toList();
        applyIsolating(group);
        return group.stream().map(Pending::outcome).toList();
    }

    /** Batches waiting on the lanes now: queued, or applied and waiting for their records' store. */
    int waiting() {
        return lanes.stream().mapToInt(l -> l.queue.size() + l.openCount).sum();
    }

    /** Lets the lanes apply and store what they hold, then stops them; later batches are applied one at a time. */
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

    private boolean coalescing() {
        return !config.flushInterval().isZero() && !config.flushInterval().isNegative();
    }

    private final class Lane implements Runnable {

        private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
        private final Thread thread;
        private final List<Open> open = new ArrayList<>();
        private final Map<TelemetryReceipt.Key, Pending> openByKey = new HashMap<>();
        private volatile int openCount;
        private long openEvents;
        private long flushAt;
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
                    long wait = open.isEmpty() ? TimeUnit.MILLISECONDS.toNanos(100)
                            : Math.max(0, Math.min(TimeUnit.MILLISECONDS.toNanos(100), flushAt - System.nanoTime()));
                    Pending first = queue.poll(wait, TimeUnit.NANOSECONDS);
                    if (first != null) {
                        group.add(first);
                        gather(group);
                        if (coalescing()) {
                            arriveIsolating(group);
                        } else {
                            applyIsolating(group);
                        }
                        group.clear();
                    }
                    if (!open.isEmpty() && (stopping || openEvents >= config.maxOpenEvents()
                            || System.nanoTime() - flushAt >= 0)) {
                        flush();
                    }
                    if (first == null && stopping && open.isEmpty() && close()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    group.forEach(p -> p.fail(e));
                    open.forEach(o -> o.pending().fail(e));
                    return;
                } catch (Throwable e) {
                    Log.error("An ingest lane failed a group", e);
                    group.forEach(p -> p.fail(e));
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

        /** Applies the group on arrival and keeps what its batches left for the next store. */
        private void arriveIsolating(List<Pending> group) {
            List<BatchProcessor.Arrival> arrivals;
            try {
                arrivals = processor.arrive(group.stream().map(Pending::batch).toList(), openByKey.keySet());
            } catch (RuntimeException e) {
                if (group.size() == 1) {
                    group.get(0).fail(e);
                } else {
                    // in order: a router's earlier batches arrive before its later ones
                    int half = group.size() / 2;
                    arriveIsolating(group.subList(0, half));
                    arriveIsolating(group.subList(half, group.size()));
                }
                return;
            }
            metrics.committedGroup(group.size());
            for (int i = 0; i < group.size(); i++) {
                Pending pending = group.get(i);
                BatchProcessor.Arrival arrival = arrivals.get(i);
                pending.taken().complete(null);
                switch (arrival.kind) {
                    case DUPLICATE -> pending.outcome().complete(arrival.duplicate());
                    case REPEATED -> openByKey.get(arrival.key()).outcome().whenComplete((o, e) -> {
                        // a copy is a duplicate once the original is stored; if the original fails, so does the copy
                        if (e != null) {
                            pending.outcome().completeExceptionally(e);
                        } else {
                            pending.outcome().complete(arrival.duplicate());
                        }
                    });
                    case APPLIED -> {
                        if (open.isEmpty()) {
                            flushAt = System.nanoTime() + config.flushInterval().toNanos();
                        }
                        open.add(new Open(pending, arrival));
                        openEvents += arrival.events;
                        openByKey.put(arrival.key(), pending);
                    }
                }
            }
            openCount = open.size();
        }

        /** Stores the waiting batches' records in one transaction and answers their senders. */
        private void flush() {
            List<Open> stored = new ArrayList<>(open);
            open.clear();
            openByKey.clear();
            openCount = 0;
            openEvents = 0;
            storeIsolating(stored);
        }

        private void storeIsolating(List<Open> part) {
            List<BatchOutcome> outcomes;
            try {
                outcomes = processor.store(part.stream().map(Open::arrival).toList());
            } catch (RuntimeException e) {
                if (part.size() == 1) {
                    part.get(0).pending().fail(e);
                } else {
                    int half = part.size() / 2;
                    storeIsolating(part.subList(0, half));
                    storeIsolating(part.subList(half, part.size()));
                }
                return;
            }
            for (int i = 0; i < part.size(); i++) {
                part.get(i).pending().outcome().complete(outcomes.get(i));
            }
        }
    }

    /** Applies and stores the group in one transaction, isolating the batches that fail. */
    private void applyIsolating(List<Pending> group) {
        List<BatchOutcome> outcomes;
        try {
            outcomes = processor.process(group.stream().map(Pending::batch).toList());
        } catch (RuntimeException e) {
            if (group.size() == 1) {
                group.get(0).fail(e);
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
            group.get(i).taken().complete(null);
            group.get(i).outcome().complete(outcomes.get(i));
        }
    }
}
