package io.homeshield.telemetry;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.alert.Alert;
import io.homeshield.detection.SwitchableDetection;
import io.homeshield.telemetry.IngestLoad.Payload;
import io.homeshield.telemetry.IngestLoad.Run;
import io.micrometer.core.instrument.MeterRegistry;
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
 * every round, the median, the batches per committed group, and CPU per event by stage (threads by
 * name; the load generator's own threads are measured apart and not counted as the application's;
 * load generator and CPU accounting are shared with the other ingest benchmarks: {@link IngestLoad},
 * {@link IngestCpu}).
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
class IngestBenchmark {

    private static final int ROUTERS = Integer.getInteger("bench.routers", 2_000);
    private static final int EVENTS = Integer.getInteger("bench.events", 150_000);
    private static final int BATCH_EVENTS = Integer.getInteger("bench.batch-events", 50);
    /** Requests in flight at once: routers waiting for their answers, each without a thread of the generator. */
    private static final int CLIENTS = Integer.getInteger("bench.in-flight", 2_000);
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
    SwitchableDetection detection;

    @Inject
    MeterRegistry registry;

    @Test
    void measure() throws Exception {
        IngestLoad load = new IngestLoad(json, CLIENTS);
        List<Payload> payloads = load.scenario(ROUTERS, BATCH_EVENTS, (long) EVENTS * (1 + 3 * ROUNDS), "bench-");
        int perSlice = payloads.size() / (1 + 3 * ROUNDS);
        warmUp(load, payloads.subList(0, perSlice));
        List<Run> ceilings = new ArrayList<>();
        List<Run> perBatch = new ArrayList<>();
        List<Run> grouped = new ArrayList<>();
        List<Run> undetected = new ArrayList<>();
        List<Double> groupSizes = new ArrayList<>();
        StringBuilder rounds = new StringBuilder();
        long alertsBefore = QuarkusTransaction.requiringNew().call(() -> Alert.count());
        for (int round = 0; round < ROUNDS; round++) {
            // a router's batches of one slice all come before those of the next: its sequence numbers keep rising
            List<Payload> first = payloads.subList((1 + 3 * round) * perSlice, (2 + 3 * round) * perSlice);
            List<Payload> second = payloads.subList((2 + 3 * round) * perSlice, (3 + 3 * round) * perSlice);
            List<Payload> third = payloads.subList((3 + 3 * round) * perSlice, (4 + 3 * round) * perSlice);
            ceilings.add(load.post(parseOnly, first));
            lanes.grouping(false);
            perBatch.add(load.post(ingest, first));
            lanes.grouping(true);
            // with and without detection take turns going first, so neither gains from the other's warm-up
            if (round % 2 == 1) {
                undetected.add(withoutDetection(load, third));
            }
            GroupSizes groups = GroupSizes.of(registry);
            grouped.add(load.post(ingest, second));
            groupSizes.add(groups.meanSince());
            if (round % 2 == 0) {
                undetected.add(withoutDetection(load, third));
            }
            Run ceiling = ceilings.get(round);
            int done = rounds.length();
            rounds.append(String.format(Locale.ROOT, "  round %d: parse-only %,10.0f, per batch %,10.0f (ratio %.2f),"
                    + " group commit %,10.0f events/s (ratio %.2f, %.1f batches per group), without detection %,10.0f;"
                    + " load average %.1f,"
                    + " CPU stolen by the host %.0f%%%n",
                    round + 1, ceiling.perSecond(), perBatch.get(round).perSecond(),
                    perBatch.get(round).perSecond() / ceiling.perSecond(), grouped.get(round).perSecond(),
                    grouped.get(round).perSecond() / ceiling.perSecond(), groupSizes.get(round),
                    undetected.get(round).perSecond(), grouped.get(round).loadAverage(),
                    grouped.get(round).cpu().stolen() * 100));
            System.out.print(rounds.substring(done));
        }
        Run ceiling = IngestLoad.median(ceilings);
        Run single = IngestLoad.median(perBatch);
        Run group = IngestLoad.median(grouped);
        Run bare = IngestLoad.median(undetected);
        double groupSize = groupSizes.get(grouped.indexOf(group));
        long alerts = QuarkusTransaction.requiringNew().call(() -> Alert.count()) - alertsBefore;

        String report = String.format(Locale.ROOT, """
                Ingest benchmark: %d routers, batches of up to %d events, %d rounds of %,d events (%,d batches) per \
                pipeline after %d s unmeasured, %d requests in flight, %d cores
                %s  median of the rounds:
                  parse-only (ceiling):  %,10.0f events/s  (%,d events in %.2f s; CPU per event %s)
                      by stage (µs/event): %s
                  per batch:             %,10.0f events/s  (%,d events in %.2f s; CPU per event %s; %d answers \
                503/429 retried, %d unanswered after 60 s and sent again)
                      by stage (µs/event): %s
                  group commit:          %,10.0f events/s  (%,d events in %.2f s, %,.0f batches/s, %.1f batches \
                per group; CPU per event %s; %d answers 503/429 retried, %d unanswered after 60 s and sent again)
                      by stage (µs/event): %s
                  group commit without detection: %,10.0f events/s  (CPU per event %s)
                      by stage (µs/event): %s
                  ratio to the ceiling:  per batch %.2f, group commit %.2f (events/s); every detector costs group \
                commit %.1f %% of its events/s (with ÷ without %.2f)
                  alerts raised in the rounds: %d
                """, ROUTERS, BATCH_EVENTS, ROUNDS, IngestLoad.eventsIn(payloads.subList(perSlice, 2 * perSlice)),
                perSlice, WARMUP.toSeconds(), CLIENTS, Runtime.getRuntime().availableProcessors(), rounds,
                ceiling.perSecond(), ceiling.events(), ceiling.nanos() / 1e9, ceiling.cpuPerEvent(),
                ceiling.stagesPerEvent(),
                single.perSecond(), single.events(), single.nanos() / 1e9, single.cpuPerEvent(), single.busy(),
                single.timedOut(), single.stagesPerEvent(),
                group.perSecond(), group.events(), group.nanos() / 1e9, group.batchesPerSecond(), groupSize,
                group.cpuPerEvent(), group.busy(), group.timedOut(), group.stagesPerEvent(),
                bare.perSecond(), bare.cpuPerEvent(), bare.stagesPerEvent(),
                single.perSecond() / ceiling.perSecond(), group.perSecond() / ceiling.perSecond(),
                100 * (1 - group.perSecond() / bare.perSecond()), group.perSecond() / bare.perSecond(), alerts);
        System.out.println(report);
        Files.writeString(Path.of("target", "ingest-benchmark.txt"), report);
    }

    private Run withoutDetection(IngestLoad load, List<Payload> traffic) throws Exception {
        detection.inspecting(false);
        try {
            return load.post(ingest, traffic);
        } finally {
            detection.inspecting(true);
        }
    }

    /**
     * Until the compiler has caught up with code that runs once per batch (thousands of calls
     * before it is optimised), the same traffic is posted again for further households.
     */
    private void warmUp(IngestLoad load, List<Payload> traffic) throws Exception {
        long until = System.nanoTime() + WARMUP.toNanos();
        List<Payload> copy = traffic;
        boolean grouping = true;
        do {
            load.post(parseOnly, copy);
            lanes.grouping(grouping);
            load.post(ingest, copy);
            grouping = !grouping;
            copy = load.forOtherHouseholds(traffic, "bench-");
        } while (System.nanoTime() < until);
        lanes.grouping(true);
    }
}
