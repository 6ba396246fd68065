package io.homeshield.telemetry;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import javax.management.ObjectName;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.alert.Alert;
import io.homeshield.simulator.scenario.ScenarioFleet;
import io.homeshield.telemetry.FleetSchedule.Post;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The fleet-scale run: {@code bench.fleet.routers} households of the scenario fleet (default
 * 100,000), each router posting over HTTP every {@code bench.fleet.interval-seconds} of wall time
 * (default 60) what its home's devices did since its last post (at most {@code bench.batch-events},
 * default 50), against this one running instance with every detector on, for
 * {@code bench.fleet.seconds} measured (default 1,200) after {@code bench.fleet.warmup-seconds}
 * unmeasured (default 60). The scenario's homes run {@code bench.fleet.compression} times faster
 * than the wall clock (default 24: a simulated day per wall hour), so that a minute's post carries
 * about as many events as a real home's minute. Reports sustained events and batches per second,
 * acknowledgement latency, heap per 1,000 devices, database growth per household and day, and CPU
 * per event split application / database, the load generator's own CPU apart (its threads are
 * named {@value IngestCpu#CLIENT_THREADS}).
 * Run: {@code ./mvnw -Pbenchmark verify -DskipITs -Dtest=FleetScaleBenchmark [-Dbench.fleet.seconds=120]}.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
class FleetScaleBenchmark {

    private static final int ROUTERS = Integer.getInteger("bench.fleet.routers", 100_000);
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("bench.fleet.seconds", 1_200));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.fleet.warmup-seconds", 60));
    private static final Duration INTERVAL = Duration.ofSeconds(
            Integer.getInteger("bench.fleet.interval-seconds", 60));
    private static final double COMPRESSION = Double.parseDouble(System.getProperty("bench.fleet.compression", "24"));
    private static final int BATCH_EVENTS = Integer.getInteger("bench.batch-events", 50);
    /**
     * Posts unanswered at once at most: routers waiting for their answers, each without a thread of the
     * generator.
     */
    private static final int CONNECTIONS = Integer.getInteger("bench.fleet.connections", 2_000);
    private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

    @TestHTTPResource("/ingest/v1/batches")
    URI ingest;

    @Inject
    ObjectMapper json;

    /** What the senders saw in the measured stretch. */
    private static final class Window {
        volatile long from;
        volatile long to = Long.MAX_VALUE;
        final AtomicLong batches = new AtomicLong();
        final AtomicLong events = new AtomicLong();
        final AtomicLong busy = new AtomicLong();
        final AtomicLong timedOut = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicReference<String> firstFailure = new AtomicReference<>();
        final List<long[]> latencies = new ArrayList<>();
        final List<long[]> lateness = new ArrayList<>();

        boolean holds(long nanos) {
            return nanos >= from && nanos < to;
        }
    }

    /** Nanosecond samples, added on the load generator's event loop only. */
    private static final class Samples {
        long[] values = new long[4_096];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] done() {
            return Arrays.copyOf(values, size);
        }
    }

    /** The set-up, not measured: the households registered and the scenario fleet built, in seconds. */
    private record SetUp(int households, double registered, double built) {
    }

    /** The heap after a full GC and, in it, the detection package's own objects, in bytes. */
    private record Memory(long heap, long detection) {

        static Memory afterGc() throws Exception {
            long heap = heapAfterGc();
            return new Memory(heap, detectionObjects());
        }
    }

    /** The load generator's threads: the schedule making the routers' posts due, and the one sending them. */
    private record Senders(Thread generator, Thread dispatcher) {

        /** Waits for the schedule to end and for the posts still unanswered to be answered. */
        void join() throws InterruptedException {
            generator.join(Duration.ofMinutes(1).toMillis());
            dispatcher.join(Duration.ofMinutes(5).toMillis());
        }
    }

    /** The measured stretch: its length, the posts made due in it, the homes' time it covered, CPU and tables. */
    private record Stretch(double seconds, long scheduled, double scenarioHours, IngestCpu.Use used,
            Map<String, Long> growth, double loadAverage) {
    }

    /** What the run left: events waiting and dropped at the generator, devices, routers that posted, alerts. */
    private record Outcome(long carried, long overflowed, long devices, long postingRouters, long alerts) {
    }

    @Test
    void measure() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long registering = System.nanoTime();
        List<TestHousehold> homes = FleetHouseholds.register(ROUTERS, run);
        double registered = (System.nanoTime() - registering) / 1e9;

        Duration wall = WARMUP.plus(MEASURED);
        Duration scenarioLength = Duration.ofMillis((long) (wall.toMillis() * COMPRESSION)).plusHours(1);
        // the homes' time ends well before the server's clock: no timestamp is ever in the future
        Instant scenarioStart = Instant.now().minus(scenarioLength).minus(Duration.ofMinutes(10));
        // the application's heap before the fleet's traffic, without the generator's state (released before the
        // second reading)
        Memory before = Memory.afterGc();
        long building = System.nanoTime();
        ScenarioFleet fleet = new ScenarioFleet(20261207L, ROUTERS, 0, scenarioStart, scenarioLength);
        double built = (System.nanoTime() - building) / 1e9;
        IngestLoad load = new IngestLoad(json, CONNECTIONS);
        BlockingQueue<Post> posts = new ArrayBlockingQueue<>(4_096);
        FleetSchedule schedule = new FleetSchedule(fleet, scenarioStart, homes, load, posts, COMPRESSION, INTERVAL,
                BATCH_EVENTS);

        long alertsBefore = QuarkusTransaction.requiringNew().call(() -> Alert.count());
        Window window = new Window();
        Senders senders = startLoad(schedule, load, posts, window);
        Stretch stretch = sampleMeasuredStretch(schedule, window);

        schedule.stop();
        senders.join();
        long carried = schedule.carried();
        long overflowed = schedule.overflowed();
        fleet = null;
        schedule = null;
        posts.clear();
        Memory after = Memory.afterGc();
        long devices = devices(run);
        long postingRouters = postingRouters(run);
        long alerts = QuarkusTransaction.requiringNew().call(() -> Alert.count()) - alertsBefore;

        String report = report(new SetUp(homes.size(), registered, built), window, stretch, before, after,
                new Outcome(carried, overflowed, devices, postingRouters, alerts));
        System.out.println(report);
        Files.writeString(Path.of("target", "fleet-scale-benchmark.txt"), report);
    }

    /** Starts the schedule and the senders; the measured stretch begins once the warm-up is over. */
    private Senders startLoad(FleetSchedule schedule, IngestLoad load, BlockingQueue<Post> posts, Window window) {
        Thread generator = new Thread(schedule, IngestCpu.CLIENT_THREADS + "-fleet");
        generator.setDaemon(true);
        Thread dispatcher = new Thread(() -> dispatch(load, posts, generator, window),
                IngestCpu.CLIENT_THREADS + "-dispatch");
        dispatcher.setDaemon(true);
        long start = System.nanoTime();
        window.from = start + WARMUP.toNanos();
        schedule.start();
        generator.start();
        dispatcher.start();
        return new Senders(generator, dispatcher);
    }

    /** Waits out the warm-up, then reads the schedule, CPU and tables before and after the measured stretch. */
    private static Stretch sampleMeasuredStretch(FleetSchedule schedule, Window window) throws Exception {
        LockSupport.parkNanos(window.from - System.nanoTime());
        long scheduledBefore = schedule.scheduled();
        long scenarioBefore = schedule.scenarioReached();
        Map<String, Long> sizeBefore = DatabaseSize.byTable();
        IngestCpu.Start cpu = IngestCpu.start();
        long measuredFrom = System.nanoTime();
        window.from = measuredFrom;
        LockSupport.parkNanos(MEASURED.toNanos());
        window.to = System.nanoTime();
        IngestCpu.Use used = IngestCpu.since(cpu);
        double seconds = (window.to - measuredFrom) / 1e9;
        Map<String, Long> sizeAfter = DatabaseSize.byTable();
        long scheduledInWindow = schedule.scheduled() - scheduledBefore;
        double scenarioHours = (schedule.scenarioReached() - scenarioBefore) / 3.6e6;
        double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Stretch(seconds, scheduledInWindow, scenarioHours, used, DatabaseSize.growth(sizeBefore, sizeAfter),
                loadAverage);
    }

    /** Devices the fleet's routers reported. */
    private static long devices(String run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Alert.getEntityManager().createNativeQuery(
                "select count(*) from device d join router r on r.id = d.router_id where r.serial_number like ?1")
                .setParameter(1, "SN-F-" + run + "-%").getSingleResult()).longValue());
    }

    /** The fleet's routers that reported at least one device. */
    private static long postingRouters(String run) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Alert.getEntityManager()
                .createNativeQuery("select count(distinct d.router_id) from device d"
                        + " join router r on r.id = d.router_id where r.serial_number like ?1")
                .setParameter(1, "SN-F-" + run + "-%").getSingleResult()).longValue());
    }

    private static String report(SetUp setUp, Window window, Stretch stretch, Memory before, Memory after,
            Outcome outcome) {
        long events = window.events.get();
        long batches = window.batches.get();
        long[] latency = merged(window.latencies);
        long[] late = merged(window.lateness);
        double seconds = stretch.seconds();
        double scenarioHours = stretch.scenarioHours();
        IngestCpu.Use used = stretch.used();
        long devices = outcome.devices();
        long grown = stretch.growth().values().stream().mapToLong(Long::longValue).sum();
        double batchesPerHouseholdDay = DAY_SECONDS / (double) INTERVAL.toSeconds();
        double perBatch = batches == 0 ? 0 : grown / (double) batches;
        double simulatedHouseholdDays = outcome.postingRouters() * scenarioHours / 24;
        double appPerEvent = used.app() / 1e3 / Math.max(1, events);
        double databasePerEvent = used.database() / 1e3 / Math.max(1, events);
        double heapPerThousandDevices = (after.heap() - before.heap()) / 1e3 / Math.max(1, devices) * 1000;
        double detectionPerThousandDevices = (after.detection() - before.detection()) / 1e3 / Math.max(1, devices)
                * 1000;

        return String.format(Locale.ROOT, """
                Fleet-scale run: %,d routers (households of the scenario fleet, %,d of them posted devices), each \
                posting every %d s of wall time at most %d events; scenario time %.0f× the wall clock; %d s measured \
                after %d s unmeasured; at most %d posts unanswered at once; %d cores
                  set-up (not measured): %,d households registered in %.0f s, fleet built in %.0f s
                  schedule:                    %,10.0f batches/s nominal (routers / interval), \
                %,.1f batches/s made due%s
                  sustained (acknowledged):    %,10.0f events/s  %,10.1f batches/s  (%,d events in %,d batches, \
                %.1f events per batch; whole run: %d answers 503/429 sent again, %d unanswered after 60 s and sent \
                again, %d posts failed%s)
                  acknowledgement latency:     p50 %.0f ms, p99 %.0f ms, max %.0f ms (first attempt to 2xx); posts \
                late on their schedule: p99 %.0f ms
                  scenario time covered:       %.2f h in %.0f s (effective compression %.1f×); %,d events waiting \
                for their router's next post at the end, %,d dropped by the routers' full buffers (generator side)
                  heap after a full GC:        %,.0f MB before the fleet's traffic, %,.0f MB after (without the \
                generator's fleet); growth %,.0f kB per 1,000 devices (%,d devices; detector state and every other \
                per-device cache); the detection package's own objects %,.0f kB per 1,000 devices (without the \
                collections they hold)
                  database growth:             %,.1f MB in the measured stretch = %,.0f bytes per batch
                      per household and day:   %,.0f kB at one batch every %d s (bytes per batch × %.0f batches), \
                or %,.0f kB per simulated day (growth ÷ households ÷ simulated days)
                      by table:         %s
                  CPU per event:               %.2f µs application + %s database = %s µs
                      by stage (µs/event): %sload generator (not counted) %.2f; largest threads of no stage: %s
                  alerts raised: %d; load average %.1f; CPU stolen by the host %.0f%%
                """, ROUTERS, outcome.postingRouters(), INTERVAL.toSeconds(), BATCH_EVENTS, COMPRESSION,
                MEASURED.toSeconds(), WARMUP.toSeconds(), CONNECTIONS, Runtime.getRuntime().availableProcessors(),
                setUp.households(), setUp.registered(), setUp.built(),
                ROUTERS / (double) INTERVAL.toSeconds(), stretch.scheduled() / seconds, notKept(stretch, batches),
                events / seconds, batches / seconds, events, batches, events / (double) Math.max(1, batches),
                window.busy.get(), window.timedOut.get(), window.failed.get(),
                window.firstFailure.get() == null ? "" : "; first: " + window.firstFailure.get(),
                percentile(latency, 0.5) / 1e6, percentile(latency, 0.99) / 1e6,
                latency.length == 0 ? 0 : latency[latency.length - 1] / 1e6, percentile(late, 0.99) / 1e6,
                scenarioHours, seconds, scenarioHours * 3600 / seconds, outcome.carried(), outcome.overflowed(),
                before.heap() / 1e6, after.heap() / 1e6, heapPerThousandDevices, devices,
                detectionPerThousandDevices,
                grown / 1e6, perBatch,
                perBatch * batchesPerHouseholdDay / 1e3, INTERVAL.toSeconds(), batchesPerHouseholdDay,
                simulatedHouseholdDays == 0 ? 0 : grown / 1e3 / simulatedHouseholdDays,
                biggestTables(stretch.growth(), batches, simulatedHouseholdDays),
                appPerEvent,
                used.database() < 0 ? "(not readable)" : String.format(Locale.ROOT, "%.2f µs", databasePerEvent),
                used.database() < 0 ? "?" : String.format(Locale.ROOT, "%.2f", appPerEvent + databasePerEvent),
                stagesPerEvent(used, events), used.client() / 1e3 / Math.max(1, events),
                used.largestUnnamed(Math.max(1, events)),
                outcome.alerts(), stretch.loadAverage(), used.stolen() * 100);
    }

    /** Empty if the instance kept to the schedule; otherwise how far it fell behind and what it carries instead. */
    private static String notKept(Stretch stretch, long batches) {
        double seconds = stretch.seconds();
        double scenarioHours = stretch.scenarioHours();
        long scheduledInWindow = stretch.scheduled();
        return scenarioHours * 3600 / seconds < 0.9 * COMPRESSION || batches < 0.9 * scheduledInWindow
                ? String.format(Locale.ROOT, "; NOT KEPT: the homes' clock ran %.1f× instead of %.0f× and %.0f%%"
                        + " of the posts made due were acknowledged, so the instance (or the generator) is"
                        + " saturated and the per-day figures below do not hold; it carries about %,.0f households"
                        + " at one batch every %d s (sustained batches/s × interval)",
                        scenarioHours * 3600 / seconds, COMPRESSION, 100.0 * batches / Math.max(1, scheduledInWindow),
                        batches / seconds * INTERVAL.toSeconds(), INTERVAL.toSeconds())
                : "";
    }

    /** The eight tables that grew most, each per batch and per household and simulated day. */
    private static String biggestTables(Map<String, Long> growth, long batches, double simulatedHouseholdDays) {
        return growth.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(e -> String.format(Locale.ROOT, "%s %,.0f B/batch = %,.1f kB/household/simulated day",
                        e.getKey(), e.getValue() / (double) Math.max(1, batches),
                        simulatedHouseholdDays == 0 ? 0 : e.getValue() / 1e3 / simulatedHouseholdDays))
                .collect(Collectors.joining("\n                        "));
    }

    /** The application's CPU by stage, in µs per event, each followed by ", ". */
    private static String stagesPerEvent(IngestCpu.Use used, long events) {
        StringBuilder stages = new StringBuilder();
        used.stages().forEach((stage, nanos) -> stages.append(String.format(Locale.ROOT, "%s %.2f, ", stage,
                nanos / 1e3 / Math.max(1, events))));
        return stages.toString();
    }

    /**
     * Takes each post when it is due and sends it without waiting for its answer, as a router does;
     * at most {@code bench.fleet.connections} are unanswered at once (the routers waiting for their
     * answers). A 503/429 is sent again after its Retry-After. For posts answered in the measured
     * stretch it notes the latency from the first attempt to the 2xx and how late the post was on
     * its schedule.
     */
    private void dispatch(IngestLoad load, BlockingQueue<Post> posts, Thread generator, Window window) {
        Samples latencies = new Samples();
        Samples lateness = new Samples();
        Semaphore unanswered = new Semaphore(CONNECTIONS);
        try {
            while (true) {
                Post post = posts.poll(100, TimeUnit.MILLISECONDS);
                if (post == null) {
                    if (!generator.isAlive()) {
                        break;
                    }
                    continue;
                }
                LockSupport.parkNanos(post.dueNanos() - System.nanoTime());
                unanswered.acquire();
                long sent = System.nanoTime();
                load.postAsync(ingest, post.payload(), window.busy, window.timedOut, failure -> {
                    unanswered.release();
                    if (failure != null) {
                        window.failed.incrementAndGet();
                        window.firstFailure.compareAndSet(null, failure.toString());
                        return;
                    }
                    long acknowledged = System.nanoTime();
                    if (window.holds(acknowledged)) {
                        window.batches.incrementAndGet();
                        window.events.addAndGet(post.payload().events());
                        latencies.add(acknowledged - sent);
                        lateness.add(Math.max(0, sent - post.dueNanos()));
                    }
                });
            }
            unanswered.acquire(CONNECTIONS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (window) {
            window.latencies.add(latencies.done());
            window.lateness.add(lateness.done());
        }
    }

    private static long[] merged(List<long[]> parts) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /**
     * Bytes of the detection package's own objects (a class histogram, which runs a full GC): the
     * detectors' per-device states without the JDK collections and arrays they hold, so a lower
     * bound of the detectors' memory where the heap's growth is an upper bound.
     */
    private static long detectionObjects() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] { null }, new String[] { String[].class.getName() });
        long bytes = 0;
        for (String line : histogram.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 4 && fields[3].startsWith("io.homeshield.detection.")) {
                bytes += Long.parseLong(fields[2]);
            }
        }
        return bytes;
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
