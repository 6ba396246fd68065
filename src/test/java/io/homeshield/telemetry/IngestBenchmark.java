package io.homeshield.telemetry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.LinkedHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.homeshield.alert.Alert;
import io.homeshield.simulator.scenario.ScenarioFleet;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.telemetry.wire.TelemetryBatch;
import io.homeshield.telemetry.wire.TelemetryEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Ingest throughput over HTTP against PostgreSQL with every detector on, through both pipelines
 * (each batch in its own transaction, and group commit), and the same payloads through the
 * parse-only endpoint as the ceiling. Not part of the test suite: run it with
 * {@code ./mvnw -Pbenchmark verify}. Traffic comes from the scenario fleet (ordinary homes with
 * their device mixes and daily rhythms), gathered into batches of {@code bench.batch-events}: by
 * default the realistic shape, 2,000 routers posting batches of 50 events (about a minute of a
 * home's traffic); {@code -Dbench.routers=200 -Dbench.batch-events=2000} is the earlier bulk shape.
 * First the same kind of traffic is posted for further households for {@code bench.warmup-seconds},
 * until the compiler has caught up with code that runs once per batch, as it has in a service that
 * has run for a while. Then each round's fresh traffic goes through the ceiling and the per-batch
 * pipeline, and the round's next traffic of the same routers through group commit; the report gives
 * every round, the median, and CPU per event by stage (threads by name; the load generator's own
 * threads are measured apart and not counted as the application's).
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
class IngestBenchmark {

    private static final int ROUTERS = Integer.getInteger("bench.routers", 2_000);
    private static final int EVENTS = Integer.getInteger("bench.events", 150_000);
    private static final int BATCH_EVENTS = Integer.getInteger("bench.batch-events", 50);
    /** Requests in flight at once: routers waiting for their answers (each without a thread of the generator). */
    private static final int IN_FLIGHT = Integer.getInteger("bench.in-flight", 2_000);
    private static final String[][] COMMIT_SUMMARIES = { { "homeshield.ingest.group.batches", null },
            { "homeshield.ingest.flush.batches", null }, { "homeshield.ingest.flush.rows", "telemetry_receipt" },
            { "homeshield.ingest.flush.rows", "device_activity" }, { "homeshield.ingest.flush.rows", "device_destination" } };
    /** The load generator's threads: its HTTP clients and the JDK client's own. */
    private static final String CLIENT_THREADS = "bench-client";
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 300));

    @TestHTTPResource("/ingest/v1/batches")
    URI ingest;

    @TestHTTPResource("/ingest/v1/parse-only")
    URI parseOnly;

    @Inject
    ObjectMapper json;

    @Inject
    WriterLanes lanes;

    @Inject
    MeterRegistry registry;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newCachedThreadPool(named(CLIENT_THREADS + "-http"))).build();

    private record Payload(UUID routerId, String authorization, byte[] body, int events) {
    }

    /**
     * {@code stolen}: the share of the machine's CPU time its host gave to others during the run;
     * {@code appCpuNanos} excludes the load generator's threads ({@code clientCpuNanos}); {@code stages}:
     * the application's CPU by thread group.
     */
    private record Run(long events, long batches, long nanos, long busy, long appCpuNanos, long clientCpuNanos,
            long databaseCpuNanos, double stolen, Map<String, Long> stages, double loadAverage, String commits) {
        double perSecond() {
            return events * 1e9 / nanos;
        }

        /** CPU per event in µs by stage of the application. */
        String stagesPerEvent() {
            StringBuilder out = new StringBuilder();
            stages.forEach((stage, cpu) -> out.append(String.format(Locale.ROOT, "%s %.2f, ", stage, cpu / 1e3 / events)));
            out.append(String.format(Locale.ROOT, "load generator (not counted) %.2f", clientCpuNanos / 1e3 / events));
            return out.toString();
        }

        /** CPU time per event in µs: the application (without the load generator) and the database's backends. */
        String cpuPerEvent() {
            String app = String.format(Locale.ROOT, "%.2f µs app", appCpuNanos / 1e3 / events);
            return databaseCpuNanos < 0 ? app + " (database CPU not readable)"
                    : String.format(Locale.ROOT, "%s + %.2f µs database = %.2f µs", app, databaseCpuNanos / 1e3 / events,
                            (appCpuNanos + databaseCpuNanos) / 1e3 / events);
        }
    }

    /** Stops the fleet once enough traffic is gathered. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    @Test
    void measure() throws Exception {
        List<Payload> payloads = payloads();
        int perSlice = payloads.size() / (1 + 2 * ROUNDS);
        warmUp(payloads.subList(0, perSlice));
        List<Run> ceilings = new ArrayList<>();
        List<Run> perBatch = new ArrayList<>();
        List<Run> grouped = new ArrayList<>();
        StringBuilder rounds = new StringBuilder();
        long alertsBefore = QuarkusTransaction.requiringNew().call(() -> Alert.count());
        for (int round = 0; round < ROUNDS; round++) {
            // a router's batches of one slice all come before those of the next: its sequence numbers keep rising
            List<Payload> first = payloads.subList((1 + 2 * round) * perSlice, (2 + 2 * round) * perSlice);
            List<Payload> second = payloads.subList((2 + 2 * round) * perSlice, (3 + 2 * round) * perSlice);
            ceilings.add(post(parseOnly, first));
            lanes.grouping(false);
            perBatch.add(post(ingest, first));
            lanes.grouping(true);
            grouped.add(post(ingest, second));
            Run ceiling = ceilings.get(round);
            int done = rounds.length();
            rounds.append(String.format(Locale.ROOT, "  round %d: parse-only %,10.0f, per batch %,10.0f (ratio %.2f),"
                    + " group commit %,10.0f events/s (ratio %.2f); load average %.1f, CPU stolen by the host %.0f%%%n",
                    round + 1, ceiling.perSecond(), perBatch.get(round).perSecond(),
                    perBatch.get(round).perSecond() / ceiling.perSecond(), grouped.get(round).perSecond(),
                    grouped.get(round).perSecond() / ceiling.perSecond(), grouped.get(round).loadAverage(),
                    grouped.get(round).stolen() * 100));
            System.out.print(rounds.substring(done));
        }
        Run ceiling = median(ceilings);
        Run single = median(perBatch);
        Run group = median(grouped);
        long alerts = QuarkusTransaction.requiringNew().call(() -> Alert.count()) - alertsBefore;

        String report = String.format(Locale.ROOT, """
                Ingest benchmark: %d routers, batches of up to %d events, %d rounds of %,d events (%,d batches) per pipeline after %d s unmeasured, up to %d requests in flight, flush interval %s, %d cores
                %s  median of the rounds:
                  parse-only (ceiling):  %,10.0f events/s  (%,d events in %.2f s; CPU per event %s)
                      by stage (µs/event): %s
                  per batch:             %,10.0f events/s  (%,d events in %.2f s; CPU per event %s; %d answers 503/429 retried)
                      by stage (µs/event): %s
                  group commit:          %,10.0f events/s  (%,d events in %.2f s, %,.0f batches/s; CPU per event %s; %d answers 503/429 retried)
                      by stage (µs/event): %s
                      commits: %s
                  ratio to the ceiling:  per batch %.2f, group commit %.2f (events/s)
                  alerts raised in the rounds: %d
                """, ROUTERS, BATCH_EVENTS, ROUNDS, eventsIn(payloads.subList(perSlice, 2 * perSlice)), perSlice,
                WARMUP.toSeconds(), IN_FLIGHT, BenchmarkProfile.flushInterval(), Runtime.getRuntime().availableProcessors(), rounds,
                ceiling.perSecond(), ceiling.events(), ceiling.nanos() / 1e9, ceiling.cpuPerEvent(), ceiling.stagesPerEvent(),
                single.perSecond(), single.events(), single.nanos() / 1e9, single.cpuPerEvent(), single.busy(),
                single.stagesPerEvent(),
                group.perSecond(), group.events(), group.nanos() / 1e9, group.batches() * 1e9 / group.nanos(),
                group.cpuPerEvent(), group.busy(), group.stagesPerEvent(), group.commits(),
                single.perSecond() / ceiling.perSecond(), group.perSecond() / ceiling.perSecond(), alerts);
        System.out.println(report);
        Files.writeString(Path.of("target", "ingest-benchmark.txt"), report);
    }

    /**
     * Until the compiler has caught up with code that runs once per batch (thousands of calls
     * before it is optimised), the same traffic is posted again for further households.
     */
    private void warmUp(List<Payload> traffic) throws Exception {
        long until = System.nanoTime() + WARMUP.toNanos();
        List<Payload> copy = traffic;
        boolean grouping = true;
        do {
            post(parseOnly, copy);
            lanes.grouping(grouping);
            post(ingest, copy);
            grouping = !grouping;
            copy = forOtherHouseholds(traffic);
        } while (System.nanoTime() < until);
        lanes.grouping(true);
    }

    private List<Payload> forOtherHouseholds(List<Payload> traffic) {
        Map<UUID, TestHousehold> homes = new HashMap<>();
        List<Payload> out = new ArrayList<>(traffic.size());
        for (Payload p : traffic) {
            TestHousehold home = homes.computeIfAbsent(p.routerId(), id -> Fixtures.household("bench-" + UUID.randomUUID()));
            // the router id is the body's first field
            String body = new String(p.body(), StandardCharsets.UTF_8)
                    .replaceFirst(p.routerId().toString(), home.routerId().toString());
            out.add(new Payload(home.routerId(), authorization(home), body.getBytes(StandardCharsets.UTF_8), p.events()));
        }
        return out;
    }

    private static Run median(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    private List<Payload> payloads() throws Exception {
        List<TestHousehold> homes = new ArrayList<>();
        for (int i = 0; i < ROUTERS; i++) {
            homes.add(Fixtures.household("bench-" + UUID.randomUUID()));
        }
        // a home sends about 3,000 events a day: enough days for the warm-up and every round
        long wanted = (long) EVENTS * (1 + 2 * ROUNDS);
        Duration days = Duration.ofDays(2 + wanted / (ROUTERS * 2_500L));
        ScenarioFleet fleet = new ScenarioFleet(20261123L, ROUTERS, 0, Instant.now().minus(days), days);
        Map<UUID, TestHousehold> routerOf = new HashMap<>();
        Map<UUID, List<TelemetryEvent>> open = new HashMap<>();
        Map<UUID, Long> sequences = new HashMap<>();
        List<List<Payload>> perRouter = new ArrayList<>();
        Map<UUID, Integer> indexOf = new HashMap<>();
        AtomicLong gathered = new AtomicLong();
        try {
            fleet.play(batch -> {
                TestHousehold home = routerOf.computeIfAbsent(batch.routerId(), id -> {
                    indexOf.put(id, perRouter.size());
                    perRouter.add(new ArrayList<>());
                    return homes.get(routerOf.size());
                });
                List<TelemetryEvent> events = open.computeIfAbsent(batch.routerId(), id -> new ArrayList<>());
                events.addAll(batch.events());
                if (events.size() >= BATCH_EVENTS) {
                    open.remove(batch.routerId());
                    long sequence = sequences.merge(batch.routerId(), 1L, Long::sum);
                    List<TelemetryEvent> first = events.subList(0, BATCH_EVENTS);
                    perRouter.get(indexOf.get(batch.routerId())).add(payload(home, sequence, batch.sentAt(), first));
                    if (events.size() > BATCH_EVENTS) {
                        open.put(batch.routerId(), new ArrayList<>(events.subList(BATCH_EVENTS, events.size())));
                    }
                    if (gathered.addAndGet(BATCH_EVENTS) >= wanted) {
                        throw new Enough();
                    }
                }
            });
        } catch (Enough e) {
            // the fleet has sent enough
        }
        // Round robin over routers: concurrent requests are for different routers, as in a real fleet.
        List<Payload> ordered = new ArrayList<>();
        for (int round = 0; ; round++) {
            boolean any = false;
            for (List<Payload> router : perRouter) {
                if (round < router.size()) {
                    ordered.add(router.get(round));
                    any = true;
                }
            }
            if (!any) {
                return ordered;
            }
        }
    }

    private Payload payload(TestHousehold home, long sequence, Instant sentAt, List<TelemetryEvent> events) {
        try {
            byte[] body = json.writeValueAsBytes(new TelemetryBatch(home.routerId(), sequence, sentAt, events));
            return new Payload(home.routerId(), authorization(home), body, events.size());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String authorization(TestHousehold home) {
        return "Basic " + Base64.getEncoder().encodeToString(
                (home.routerId() + ":" + home.routerSecret()).getBytes(StandardCharsets.UTF_8));
    }

    private Run post(URI endpoint, List<Payload> payloads) throws Exception {
        AtomicLong events = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // as many requests in flight as routers posting at once: each waits for its answer without a thread
        Semaphore window = new Semaphore(IN_FLIGHT);
        CountDownLatch answered = new CountDownLatch(payloads.size());
        ScheduledExecutorService resend = Executors.newSingleThreadScheduledExecutor(named(CLIENT_THREADS + "-resend"));
        Map<Integer, Long> databaseBefore = databaseCpu();
        long[] machineBefore = machineCpu();
        Map<Long, ThreadCpu> threadsBefore = threadCpu();
        long appBefore = appCpu();
        Map<String, double[]> commitsBefore = commits();
        long start = System.nanoTime();
        for (Payload payload : payloads) {
            window.acquire();
            send(endpoint, payload, events, busy, failure, resend, () -> {
                window.release();
                answered.countDown();
            });
        }
        if (!answered.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("answers missing after 30 minutes");
        }
        resend.shutdown();
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        long nanos = System.nanoTime() - start;
        long app = appCpu() - appBefore;
        Map<String, Long> stages = stages(threadsBefore, threadCpu());
        long client = stages.remove(CLIENT_THREADS);
        app -= client;
        stages.put("other (GC, compiler, timers)", Math.max(0, app - stages.values().stream().mapToLong(Long::longValue).sum()));
        Map<Integer, Long> databaseAfter = databaseCpu();
        long database = databaseAfter == null || databaseBefore == null ? -1
                : databaseAfter.entrySet().stream().mapToLong(e -> e.getValue() - databaseBefore.getOrDefault(e.getKey(), 0L)).sum();
        long[] machineAfter = machineCpu();
        double stolen = (double) (machineAfter[1] - machineBefore[1]) / Math.max(1, machineAfter[0] - machineBefore[0]);
        return new Run(events.get(), payloads.size(), nanos, busy.get(), app, client, database, stolen, stages,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), commitsSince(commitsBefore));
    }

    /** Posts the batch; a 503 or 429 is sent again a moment later, as a router would. */
    private void send(URI endpoint, Payload payload, AtomicLong events, AtomicLong busy, AtomicReference<Throwable> failure,
            ScheduledExecutorService resend, Runnable done) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Authorization", payload.authorization())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload.body())).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, e) -> {
            if (e == null && (response.statusCode() == 503 || response.statusCode() == 429)) {
                busy.incrementAndGet();
                resend.schedule(() -> send(endpoint, payload, events, busy, failure, resend, done), 20,
                        TimeUnit.MILLISECONDS);
                return;
            }
            if (e != null) {
                failure.compareAndSet(null, e);
            } else if (response.statusCode() / 100 != 2) {
                failure.compareAndSet(null, new IllegalStateException(response.statusCode() + " " + response.body()));
            } else {
                events.addAndGet(payload.events());
            }
            done.run();
        });
    }

    /** The group commit's summaries so far: count and total of each. */
    private Map<String, double[]> commits() {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String[] summary : COMMIT_SUMMARIES) {
            DistributionSummary found = summary[1] == null ? registry.find(summary[0]).summary()
                    : registry.find(summary[0]).tag("table", summary[1]).summary();
            out.put(summary[0] + (summary[1] == null ? "" : "/" + summary[1]),
                    found == null ? new double[2] : new double[] { found.count(), found.totalAmount() });
        }
        return out;
    }

    /**
     * What the commits of a run held on average: batches per arrival (devices, detection, alerts),
     * batches per store, and rows written per store in each table.
     */
    private String commitsSince(Map<String, double[]> before) {
        Map<String, double[]> after = commits();
        StringBuilder out = new StringBuilder();
        String[] labels = { "batches per arrival commit", "batches per store commit", "receipt rows per store",
                "hourly activity rows per store", "daily destination rows per store" };
        int i = 0;
        for (Map.Entry<String, double[]> entry : after.entrySet()) {
            double[] was = before.get(entry.getKey());
            double count = entry.getValue()[0] - was[0];
            double total = entry.getValue()[1] - was[1];
            out.append(String.format(Locale.ROOT, "%s%s %.1f (%,.0f commits)", i == 0 ? "" : ", ", labels[i],
                    count == 0 ? 0 : total / count, count));
            i++;
        }
        return out.toString();
    }

    /** The machine's CPU time so far, all and stolen by the host (in ticks, from /proc/stat); zeros where unreadable. */
    private static long[] machineCpu() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                all += Long.parseLong(fields[i]);
            }
            return new long[] { all, fields.length > 8 ? Long.parseLong(fields[8]) : 0 };
        } catch (Exception e) {
            return new long[] { 0, 0 };
        }
    }

    private record ThreadCpu(String name, long nanos) {
    }

    private static Map<Long, ThreadCpu> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, ThreadCpu> out = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    out.put(info.getThreadId(), new ThreadCpu(info.getThreadName(), cpu));
                }
            }
        }
        return out;
    }

    /**
     * CPU of the run by stage, from the threads' names: HTTP (Vert.x event loops: connections,
     * request bodies), read, check and apply on the worker threads (apply there only without group
     * commit), apply on the writer lanes, and the load generator's threads. Threads that ended
     * during the run are missed; they show in "other".
     */
    private static Map<String, Long> stages(Map<Long, ThreadCpu> before, Map<Long, ThreadCpu> after) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        out.put("HTTP", 0L);
        out.put("read, check (and apply without lanes)", 0L);
        out.put("apply on writer lanes", 0L);
        out.put(CLIENT_THREADS, 0L);
        after.forEach((id, cpu) -> {
            long used = cpu.nanos() - (before.containsKey(id) ? before.get(id).nanos() : 0);
            String name = cpu.name();
            String stage = name.startsWith(CLIENT_THREADS) || name.startsWith("HttpClient") ? CLIENT_THREADS
                    : name.startsWith("vert.x-eventloop") ? "HTTP"
                    : name.startsWith("executor-thread") ? "read, check (and apply without lanes)"
                    : name.startsWith("ingest-lane") ? "apply on writer lanes" : null;
            if (stage != null) {
                out.merge(stage, used, Long::sum);
            }
        });
        return out;
    }

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static long appCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU time so far of this database's server processes, by process id, read from procfs; null
     * where the database runs elsewhere or procfs is not readable.
     */
    private static Map<Integer, Long> databaseCpu() throws Exception {
        List<Integer> pids = QuarkusTransaction.requiringNew().call(() -> Alert.getEntityManager().createNativeQuery(
                "select pid from pg_stat_activity where datname = current_database()", Integer.class).getResultList());
        Map<Integer, Long> cpu = new HashMap<>();
        for (int pid : pids) {
            Path stat = Path.of("/proc", String.valueOf(pid), "stat");
            if (!Files.isReadable(stat)) {
                return null;
            }
            String line = Files.readString(stat);
            String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // utime and stime, fields 14 and 15 of stat, in clock ticks of 10 ms
            cpu.put(pid, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10_000_000L);
        }
        return cpu;
    }

    private static long eventsIn(List<Payload> payloads) {
        return payloads.stream().mapToLong(Payload::events).sum();
    }
}
