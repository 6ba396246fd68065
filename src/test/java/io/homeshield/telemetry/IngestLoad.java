package io.homeshield.telemetry;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.simulator.scenario.ScenarioFleet;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.wire.TelemetryBatch;
import io.homeshield.wire.TelemetryEvent;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.VertxBuilder;
import io.vertx.core.impl.VertxThread;
import io.vertx.core.spi.VertxThreadFactory;

/**
 * The ingest benchmarks' load generator: scenario-fleet traffic for routers registered here,
 * gathered into batches of a given size and posted over HTTP with a fixed number of requests in
 * flight, each waiting for its answer without a thread, as routers do. Its threads are named so that
 * {@link IngestCpu} keeps their CPU apart from the application's: the asynchronous poster runs on a
 * Vert.x instance of its own with one event loop (the JDK's client completes each answer on a new
 * unnamed thread when the machine has two cores or fewer, which would be charged to the application).
 */
final class IngestLoad {

    /** One batch as a router posts it. */
    record Payload(UUID routerId, String authorization, byte[] body, int events) {
    }

    /**
     * A measured stretch: {@code busy} counts the answers 503/429 that were sent again, {@code timedOut}
     * the requests left unanswered for {@link #ANSWER_TIMEOUT_MILLIS} and sent again.
     */
    record Run(long events, long batches, long nanos, long busy, long timedOut, IngestCpu.Use cpu, double loadAverage) {

        double perSecond() {
            return events * 1e9 / nanos;
        }

        double batchesPerSecond() {
            return batches * 1e9 / nanos;
        }

        /** CPU per event in µs by stage of the application, and the load generator's apart. */
        String stagesPerEvent() {
            StringBuilder out = new StringBuilder();
            cpu.stages().forEach((stage, nanos) -> out.append(String.format(Locale.ROOT, "%s %.2f, ", stage,
                    nanos / 1e3 / events)));
            out.append(String.format(Locale.ROOT, "load generator (not counted) %.2f", cpu.client() / 1e3 / events));
            out.append(String.format(Locale.ROOT, "; largest threads of no stage: %s", cpu.largestUnnamed(events)));
            if (cpu.broker() > 0) {
                out.append(String.format(Locale.ROOT, ", in-process Kafka broker (not counted) %.2f",
                        cpu.broker() / 1e3 / events));
            }
            return out.toString();
        }

        /** CPU time per event in µs: the application (without the load generator) and the database's backends. */
        String cpuPerEvent() {
            String app = String.format(Locale.ROOT, "%.2f µs app", appMicrosPerEvent());
            return cpu.database() < 0 ? app + " (database CPU not readable)"
                    : String.format(Locale.ROOT, "%s + %.2f µs database = %.2f µs", app, databaseMicrosPerEvent(),
                            appMicrosPerEvent() + databaseMicrosPerEvent());
        }

        double appMicrosPerEvent() {
            return cpu.app() / 1e3 / events;
        }

        double databaseMicrosPerEvent() {
            return cpu.database() / 1e3 / events;
        }
    }

    /** How long a router waits for an answer before it sends the batch again. */
    static final long ANSWER_TIMEOUT_MILLIS = 60_000;

    private final ObjectMapper json;
    private final int clients;
    private final io.vertx.core.http.HttpClient poster;
    private final ScheduledExecutorService resends = Executors.newSingleThreadScheduledExecutor(
            named(IngestCpu.CLIENT_THREADS + "-resend"));

    IngestLoad(ObjectMapper json, int clients) {
        this.json = json;
        this.clients = clients;
        Vertx vertx = new VertxBuilder(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)).threadFactory(new VertxThreadFactory() {
                    @Override
                    public VertxThread newVertxThread(Runnable target, String name, boolean worker, long maxExecTime,
                            TimeUnit maxExecTimeUnit) {
                        VertxThread thread = new VertxThread(target, IngestCpu.CLIENT_THREADS + "-" + name, worker,
                                maxExecTime, maxExecTimeUnit);
                        thread.setDaemon(true);
                        return thread;
                    }
                }).init().vertx();
        this.poster = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(clients).setMaxWaitQueueSize(-1));
    }

    /** Stops the fleet once enough traffic is gathered. */
    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }

    /**
     * At least {@code wanted} events of scenario-fleet traffic from {@code routers} new households,
     * in batches of {@code batchEvents}, in round-robin order over the routers (concurrent requests
     * are for different routers, as in a real fleet; a router's batches keep their order).
     */
    List<Payload> scenario(int routers, int batchEvents, long wanted, String namePrefix) {
        List<TestHousehold> homes = new ArrayList<>();
        for (int i = 0; i < routers; i++) {
            homes.add(Fixtures.household(namePrefix + UUID.randomUUID()));
        }
        // a home sends about 3,000 events a day: enough days for everything wanted
        Duration days = Duration.ofDays(2 + wanted / (routers * 2_500L));
        ScenarioFleet fleet = new ScenarioFleet(20261123L, routers, 0, Instant.now().minus(days), days);
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
                if (events.size() >= batchEvents) {
                    open.remove(batch.routerId());
                    long sequence = sequences.merge(batch.routerId(), 1L, Long::sum);
                    List<TelemetryEvent> first = events.subList(0, batchEvents);
                    perRouter.get(indexOf.get(batch.routerId())).add(payload(home, sequence, batch.sentAt(), first));
                    if (events.size() > batchEvents) {
                        open.put(batch.routerId(), new ArrayList<>(events.subList(batchEvents, events.size())));
                    }
                    if (gathered.addAndGet(batchEvents) >= wanted) {
                        throw new Enough();
                    }
                }
            });
        } catch (Enough e) {
            // the fleet has sent enough
        }
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

    /** The same traffic for further households (one per router of {@code traffic}). */
    List<Payload> forOtherHouseholds(List<Payload> traffic, String namePrefix) {
        Map<UUID, TestHousehold> homes = new HashMap<>();
        List<Payload> out = new ArrayList<>(traffic.size());
        for (Payload p : traffic) {
            TestHousehold home = homes.computeIfAbsent(p.routerId(),
                    id -> Fixtures.household(namePrefix + UUID.randomUUID()));
            // the router id is the body's first field
            String body = new String(p.body(), StandardCharsets.UTF_8)
                    .replaceFirst(p.routerId().toString(), home.routerId().toString());
            out.add(new Payload(home.routerId(), authorization(home), body.getBytes(StandardCharsets.UTF_8),
                    p.events()));
        }
        return out;
    }

    Payload payload(TestHousehold home, long sequence, Instant sentAt, List<TelemetryEvent> events) {
        try {
            byte[] body = json.writeValueAsBytes(new TelemetryBatch(home.routerId(), sequence, sentAt, events));
            return new Payload(home.routerId(), authorization(home), body, events.size());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String authorization(TestHousehold home) {
        return authorization(home.routerId(), home.routerSecret());
    }

    static String authorization(UUID routerId, String secret) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((routerId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until a stretch's batches are applied. */
    interface Settle {
        void until(List<Payload> posted) throws Exception;
    }

    /** Posts every payload and measures until the last is answered. */
    Run post(URI endpoint, List<Payload> payloads) throws Exception {
        return post(endpoint, payloads, posted -> {
        });
    }

    /**
     * Posts every payload, then runs {@code settle} (for a path that applies batches after
     * answering them: it returns once they are applied) before the stretch ends.
     */
    Run post(URI endpoint, List<Payload> payloads, Settle settle) throws Exception {
        AtomicLong events = new AtomicLong();
        AtomicLong busy = new AtomicLong();
        AtomicLong timedOut = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // as many requests in flight as routers posting at once: each waits for its answer without a thread,
        // as it must once answers wait for the roll-ups' flush
        Semaphore window = new Semaphore(clients);
        CountDownLatch answered = new CountDownLatch(payloads.size());
        IngestCpu.Start cpu = IngestCpu.start();
        long start = System.nanoTime();
        for (Payload payload : payloads) {
            window.acquire();
            sendAsync(endpoint, payload, new Tally(events, busy, timedOut, failure), () -> {
                window.release();
                answered.countDown();
            });
        }
        if (!answered.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("answers missing after 30 minutes");
        }
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        settle.until(payloads);
        long nanos = System.nanoTime() - start;
        return new Run(events.get(), payloads.size(), nanos, busy.get(), timedOut.get(), IngestCpu.since(cpu),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** An answer to the load generator: its status, body and Retry-After header. */
    private record Answer(int status, String body, String retryAfter) {

        /** The router's pause before sending again: the Retry-After asked for, at least 20 ms. */
        long pauseMillis() {
            try {
                return Math.max(20, Long.parseLong(retryAfter.trim()) * 1000);
            } catch (RuntimeException e) {
                return 20;
            }
        }
    }

    /**
     * Posts one batch without waiting for it (a 503/429 is sent again after its Retry-After, an
     * unanswered request after {@link #ANSWER_TIMEOUT_MILLIS}); {@code answered} runs on the load
     * generator's event loop once the batch is taken, with null, or with the failure.
     */
    void postAsync(URI endpoint, Payload payload, AtomicLong busy, AtomicLong timedOut,
            java.util.function.Consumer<Throwable> answered) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        sendAsync(endpoint, payload, new Tally(new AtomicLong(), busy, timedOut, failure),
                () -> answered.accept(failure.get()));
    }

    /** What a stretch's answers added up to. */
    private record Tally(AtomicLong events, AtomicLong busy, AtomicLong timedOut, AtomicReference<Throwable> failure) {
    }

    /**
     * Posts the batch; a 503 or 429 is sent again after its Retry-After, and a request left unanswered
     * for {@link #ANSWER_TIMEOUT_MILLIS} at once, as a router would (a resend of a batch taken meanwhile
     * is answered as a duplicate).
     */
    private void sendAsync(URI endpoint, Payload payload, Tally tally, Runnable done) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(endpoint.toString())
                .setIdleTimeout(ANSWER_TIMEOUT_MILLIS)
                .putHeader("Authorization", payload.authorization()).putHeader("Content-Type", "application/json");
        poster.request(request)
                .compose(r -> r.send(Buffer.buffer(payload.body())))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body.toString(),
                        response.getHeader("Retry-After"))))
                .onComplete(result -> {
                    try {
                        answered(result, endpoint, payload, tally, done);
                    } catch (RuntimeException e) {
                        tally.failure().compareAndSet(null, e);
                        done.run();
                    }
                });
    }

    private void answered(io.vertx.core.AsyncResult<Answer> result, URI endpoint, Payload payload, Tally tally,
            Runnable done) {
        Answer answer = result.succeeded() ? result.result() : null;
        if (answer != null && (answer.status() == 503 || answer.status() == 429)) {
            tally.busy().incrementAndGet();
            resends.schedule(() -> sendAsync(endpoint, payload, tally, done), answer.pauseMillis(),
                    TimeUnit.MILLISECONDS);
            return;
        }
        if (answer == null && result.cause() instanceof java.util.concurrent.TimeoutException) {
            tally.timedOut().incrementAndGet();
            sendAsync(endpoint, payload, tally, done);
            return;
        }
        if (answer == null) {
            tally.failure().compareAndSet(null, result.cause());
        } else if (answer.status() / 100 != 2) {
            tally.failure().compareAndSet(null, new IllegalStateException(answer.status() + " " + answer.body()));
        } else {
            tally.events().addAndGet(payload.events());
        }
        done.run();
    }

    static Run median(List<Run> runs) {
        List<Run> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparingDouble(Run::perSecond));
        return sorted.get(sorted.size() / 2);
    }

    static long eventsIn(List<Payload> payloads) {
        return payloads.stream().mapToLong(Payload::events).sum();
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
