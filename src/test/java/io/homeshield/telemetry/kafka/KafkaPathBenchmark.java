package io.homeshield.telemetry.kafka;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.simulator.scenario.ScenarioFleet;
import io.homeshield.telemetry.TelemetryPipeline;
import io.homeshield.telemetry.TelemetryReceipt;
import io.homeshield.telemetry.wire.TelemetryBatch;
import io.homeshield.telemetry.wire.TelemetryEvent;
import io.homeshield.testsupport.EmbeddedBroker;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Events per second applied through the Kafka path (publish, broker, detection consumer) against
 * the direct path (applied where received), with the same parallelism (one worker per partition),
 * the same kind of batches and the same database, in the same run. Each path gets its own routers.
 */
@QuarkusTest
@TestProfile(KafkaBenchmarkProfile.class)
class KafkaPathBenchmark {

    private static final int ROUTERS = Integer.getInteger("bench.routers", 48);
    private static final int EVENTS = Integer.getInteger("bench.events", 120_000);
    private static final int BATCH_EVENTS = Integer.getInteger("bench.batch-events", 500);
    private static final int WORKERS = EmbeddedBroker.PARTITIONS;
    private static final double WARMUP_SHARE = 0.2;

    @Inject
    TelemetryPipeline pipeline;

    private record Run(long events, long nanos) {
        double perSecond() {
            return events / (nanos / 1e9);
        }
    }

    @Test
    void measure() throws Exception {
        List<List<TelemetryBatch>> direct = batches();
        List<List<TelemetryBatch>> viaKafka = batches();

        run(warmup(direct), pipeline::applyFromStream, false);
        run(warmup(viaKafka), pipeline::accept, true);
        Run directRun = run(measured(direct), pipeline::applyFromStream, false);
        Run kafkaRun = run(measured(viaKafka), pipeline::accept, true);

        String report = String.format(Locale.ROOT, """
                Kafka path benchmark: %d routers per path, %,d events in batches of %d, %d workers (= partitions = consumers), %d cores
                  direct (applied where received):       %,10.0f events/s  (%,d events in %.2f s)
                  Kafka (publish, broker, consumer):     %,10.0f events/s  (%,d events in %.2f s)
                  ratio Kafka / direct:                  %.2f
                """, ROUTERS, directRun.events(), BATCH_EVENTS, WORKERS, Runtime.getRuntime().availableProcessors(),
                directRun.perSecond(), directRun.events(), directRun.nanos() / 1e9, kafkaRun.perSecond(),
                kafkaRun.events(), kafkaRun.nanos() / 1e9, kafkaRun.perSecond() / directRun.perSecond());
        System.out.println(report);
        Files.writeString(Path.of("target", "kafka-path-benchmark.txt"), report);
    }

    /**
     * Hands every router's batches in order to {@code path}, routers spread over the workers; for
     * the Kafka path the run ends when the consumers have applied the last batch, not when it was published.
     */
    private Run run(List<List<TelemetryBatch>> perRouter, BiConsumer<UUID, TelemetryBatch> path, boolean stream)
            throws Exception {
        List<UUID> routers = perRouter.stream().map(batches -> batches.get(0).routerId()).toList();
        long batches = perRouter.stream().mapToLong(List::size).sum();
        long before = receipts(routers);
        long events = perRouter.stream().flatMap(List::stream).mapToLong(b -> b.events().size()).sum();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<TelemetryBatch> router : perRouter) {
                running.add(workers.submit(() -> router.forEach(batch -> path.accept(batch.routerId(), batch))));
            }
            for (Future<?> f : running) {
                f.get();
            }
            if (stream) {
                await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(25))
                        .until(() -> receipts(routers) - before == batches);
            }
            return new Run(events, System.nanoTime() - start);
        } finally {
            workers.shutdownNow();
        }
    }

    private static long receipts(List<UUID> routers) {
        return QuarkusTransaction.requiringNew().call(() -> TelemetryReceipt.count("routerId in ?1", routers));
    }

    private static List<List<TelemetryBatch>> warmup(List<List<TelemetryBatch>> perRouter) {
        return perRouter.stream().map(b -> b.subList(0, (int) Math.ceil(b.size() * WARMUP_SHARE))).toList();
    }

    private static List<List<TelemetryBatch>> measured(List<List<TelemetryBatch>> perRouter) {
        return perRouter.stream().map(b -> b.subList((int) Math.ceil(b.size() * WARMUP_SHARE), b.size()))
                .filter(b -> !b.isEmpty()).toList();
    }

    /** Realistic home traffic from the scenario fleet, re-addressed to routers registered here. */
    private static List<List<TelemetryBatch>> batches() {
        Map<UUID, UUID> routerOf = new HashMap<>();
        Map<UUID, List<TelemetryEvent>> open = new HashMap<>();
        Map<UUID, List<TelemetryBatch>> perRouter = new HashMap<>();
        int wanted = (int) (EVENTS / (1 - WARMUP_SHARE)) / BATCH_EVENTS;
        int[] made = { 0 };
        ScenarioFleet fleet = new ScenarioFleet(20261123L, ROUTERS, 0, Instant.now().minus(Duration.ofDays(2)),
                Duration.ofDays(2));
        try {
            fleet.play(batch -> {
                UUID router = routerOf.computeIfAbsent(batch.routerId(),
                        id -> Fixtures.household("kafka-bench-" + UUID.randomUUID()).routerId());
                List<TelemetryEvent> events = open.computeIfAbsent(router, id -> new ArrayList<>());
                events.addAll(batch.events());
                if (events.size() >= BATCH_EVENTS) {
                    List<TelemetryBatch> done = perRouter.computeIfAbsent(router, id -> new ArrayList<>());
                    done.add(new TelemetryBatch(router, (long) done.size() + 1, batch.sentAt(),
                            List.copyOf(events.subList(0, BATCH_EVENTS))));
                    open.put(router, new ArrayList<>(events.subList(BATCH_EVENTS, events.size())));
                    if (++made[0] >= wanted) {
                        throw new Enough();
                    }
                }
            });
        } catch (Enough e) {
            // enough batches
        }
        return new ArrayList<>(perRouter.values());
    }

    private static final class Enough extends RuntimeException {
        Enough() {
            super(null, null, false, false);
        }
    }
}
