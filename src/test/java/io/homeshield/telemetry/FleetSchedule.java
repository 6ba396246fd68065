package io.homeshield.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.homeshield.simulator.scenario.RouterBatch;
import io.homeshield.simulator.scenario.ScenarioFleet;
import io.homeshield.telemetry.IngestLoad.Payload;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.wire.TelemetryEvent;

/**
 * Plays the scenario fleet against the wall clock, {@code compression} times faster than real
 * time, and schedules each router's post every {@code interval} of wall time (routers spread
 * evenly over the interval): a post carries what the home's devices did since the router's last
 * post, at most {@code batchEvents} events (the rest waits for the next post; a router keeps at
 * most two batches' worth and drops its oldest events beyond that, as a router's bounded buffer
 * does). Posts go into {@code posts} in the order they are due; when the senders fall behind and
 * the queue is full, the schedule waits (and the posts' lateness shows it).
 */
final class FleetSchedule implements Runnable {

    /** A post due at {@code dueNanos} (System.nanoTime). */
    record Post(long dueNanos, Payload payload) {
    }

    /** Stops the fleet's playback. */
    private static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    /** Batches' worth of events a router keeps while it waits for its next post; older ones it drops. */
    private static final int ROUTER_BUFFER_BATCHES = 2;

    private final ScenarioFleet fleet;
    private final List<TestHousehold> homes;
    private final IngestLoad load;
    private final BlockingQueue<Post> posts;
    private final long scenarioStart;
    private final double compression;
    private final long stepMillis = ScenarioFleet.BATCH_INTERVAL.toMillis();
    private final int stepsPerInterval;
    private final int batchEvents;
    private final Map<UUID, Integer> indexOf = new HashMap<>();
    private final List<List<TelemetryEvent>> pending = new ArrayList<>();
    private final List<Long> sequences = new ArrayList<>();
    private long wallStart;
    private long lastStep = -1;
    private volatile boolean stopping;
    private volatile long scheduled;
    private volatile long scheduledEvents;
    private volatile long scenarioReached;
    private volatile long overflowed;

    FleetSchedule(ScenarioFleet fleet, Instant scenarioStart, List<TestHousehold> homes, IngestLoad load,
            BlockingQueue<Post> posts, double compression, Duration interval, int batchEvents) {
        this.fleet = fleet;
        this.scenarioStart = scenarioStart.toEpochMilli();
        this.homes = homes;
        this.load = load;
        this.posts = posts;
        this.compression = compression;
        this.stepsPerInterval = (int) Math.max(1, Math.round(interval.toMillis() * compression / stepMillis));
        this.batchEvents = batchEvents;
    }

    /** Playback starts now: scenario time {@code scenarioStart} is this moment of the wall clock. */
    void start() {
        wallStart = System.nanoTime();
    }

    void stop() {
        stopping = true;
    }

    /** Posts scheduled so far, and their events. */
    long scheduled() {
        return scheduled;
    }

    long scheduledEvents() {
        return scheduledEvents;
    }

    /** The scenario time the playback has reached (epoch millis). */
    long scenarioReached() {
        return scenarioReached;
    }

    /**
     * Events the routers dropped from their bounded buffers before posting them (only when the
     * schedule is not kept): the generator's, never the instance's.
     */
    long overflowed() {
        return overflowed;
    }

    /** Events the homes produced that have not been posted yet (beyond a batch's size, waiting for the next post). */
    long carried() {
        return pending.stream().mapToLong(List::size).sum();
    }

    @Override
    public void run() {
        try {
            fleet.play(this::seen);
        } catch (Stop e) {
            // the run is over
        }
    }

    private void seen(RouterBatch batch) {
        long step = (batch.sentAt().toEpochMilli() - scenarioStart) / stepMillis;
        if (step != lastStep) {
            for (long s = Math.max(0, lastStep); s < step && lastStep >= 0; s++) {
                dispatch(s);
            }
            lastStep = step;
            scenarioReached = batch.sentAt().toEpochMilli();
            pace(wallOf(step));
        }
        int index = indexOf.computeIfAbsent(batch.routerId(), id -> {
            pending.add(new ArrayList<>());
            sequences.add(0L);
            return pending.size() - 1;
        });
        if (index < homes.size()) {
            List<TelemetryEvent> events = pending.get(index);
            events.addAll(batch.events());
            int excess = events.size() - ROUTER_BUFFER_BATCHES * batchEvents;
            if (excess > 0) {
                // a router's buffer is bounded: while it waits for its turn, its oldest events go
                events.subList(0, excess).clear();
                overflowed += excess;
            }
        }
    }

    private long wallOf(long step) {
        return wallStart + (long) (step * stepMillis * 1e6 / compression);
    }

    private void pace(long due) {
        for (long wait = due - System.nanoTime(); wait > 0 && !stopping; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(Math.min(wait, 100_000_000L));
        }
        if (stopping) {
            throw new Stop();
        }
    }

    /**
     * The posts of the routers whose turn falls in this step (with what their homes did up to its
     * end), due in the next step's wall time, spread evenly over it.
     */
    private void dispatch(long step) {
        long begin = wallOf(step + 1);
        long length = wallOf(step + 2) - begin;
        Instant sentAt = Instant.ofEpochMilli(scenarioStart + (step + 1) * stepMillis);
        int first = (int) (step % stepsPerInterval);
        int due = (pending.size() - first + stepsPerInterval - 1) / stepsPerInterval;
        int n = 0;
        for (int index = first; index < pending.size(); index += stepsPerInterval, n++) {
            List<TelemetryEvent> events = pending.get(index);
            if (events.isEmpty()) {
                continue;
            }
            List<TelemetryEvent> batch = List.copyOf(events.subList(0, Math.min(batchEvents, events.size())));
            pending.set(index, new ArrayList<>(events.subList(batch.size(), events.size())));
            long sequence = sequences.get(index) + 1;
            sequences.set(index, sequence);
            Payload payload = load.payload(homes.get(index), sequence, sentAt, batch);
            try {
                Post post = new Post(begin + length * n / Math.max(1, due), payload);
                while (!posts.offer(post, 100, TimeUnit.MILLISECONDS)) {
                    if (stopping) {
                        throw new Stop();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stop();
            }
            scheduled++;
            scheduledEvents += batch.size();
        }
    }
}
