package io.homeshield.telemetry;

import static org.awaitility.Awaitility.await;

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

import io.homeshield.telemetry.IngestLoad.Payload;
import io.homeshield.telemetry.IngestLoad.Run;
import io.homeshield.telemetry.kafka.KafkaBenchmarkProfile;
import io.homeshield.testsupport.EmbeddedBroker;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The Kafka path against the direct path on one running instance, in the same run: the same
 * scenario-fleet traffic posted over HTTP by the same clients, checked by the same front end, then
 * either applied where received (group commit on the writer lanes) or published to the telemetry
 * topic and applied by the detection consumers (one per partition, each poll's records as one
 * group with the partition's offset in the same transaction). The Kafka path's stretch ends when
 * the consumers have applied its last batch, not when it was published. The parse-only endpoint
 * on the same payloads gives the ceiling. The broker is a real Kafka broker (KRaft) inside the
 * test JVM ({@link EmbeddedBroker}); its CPU is reported apart and not counted as the application's,
 * nor is the load generator's. By default the realistic shape: 2,000 routers, batches of 50 events;
 * {@code -Dbench.routers=48 -Dbench.batch-events=500} is the earlier shape.
 */
@QuarkusTest
@TestProfile(KafkaBenchmarkProfile.class)
class KafkaPathBenchmark {

    private static final int ROUTERS = Integer.getInteger("bench.routers", 2_000);
    private static final int EVENTS = Integer.getInteger("bench.events", 150_000);
    private static final int BATCH_EVENTS = Integer.getInteger("bench.batch-events", 50);
    /** Requests in flight at once: routers waiting for their answers, each without a thread of the generator. */
    private static final int CLIENTS = Integer.getInteger("bench.in-flight", 2_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup-seconds", 120));
    private static final List<String> APPLIED = List.of("accepted", "duplicate", "dead-lettered");

    @TestHTTPResource("/ingest/v1/batches")
    URI ingest;

    @TestHTTPResource("/ingest/v1/parse-only")
    URI parseOnly;

    @Inject
    ObjectMapper json;

    @Inject
    SwitchableHandOff handOff;

    @Inject
    MeterRegistry registry;

    @Test
    void measure() throws Exception {
        IngestLoad load = new IngestLoad(json, CLIENTS);
        List<Payload> payloads = load.scenario(ROUTERS, BATCH_EVENTS, (long) EVENTS * (1 + 2 * ROUNDS), "kafka-bench-");
        int perSlice = payloads.size() / (1 + 2 * ROUNDS);
        warmUp(load, payloads.subList(0, perSlice));
        List<Run> ceilings = new ArrayList<>();
        List<Run> directRuns = new ArrayList<>();
        List<Run> kafkaRuns = new ArrayList<>();
        List<Double> groupSizes = new ArrayList<>();
        StringBuilder rounds = new StringBuilder();
        for (int round = 0; round < ROUNDS; round++) {
            // a router's batches of one slice all come before those of the next: its sequence numbers keep rising
            List<Payload> first = payloads.subList((1 + 2 * round) * perSlice, (2 + 2 * round) * perSlice);
            List<Payload> second = payloads.subList((2 + 2 * round) * perSlice, (3 + 2 * round) * perSlice);
            ceilings.add(load.post(parseOnly, first));
            GroupSizes groups = GroupSizes.of(registry);
            directRuns.add(direct(load, first));
            groupSizes.add(groups.meanSince());
            kafkaRuns.add(viaKafka(load, second));
            Run ceiling = ceilings.get(round);
            Run direct = directRuns.get(round);
            Run kafka = kafkaRuns.get(round);
            int done = rounds.length();
            rounds.append(String.format(Locale.ROOT, "  round %d: parse-only %,10.0f, direct %,10.0f, Kafka %,10.0f"
                    + " events/s (Kafka / direct %.2f); load average %.1f, CPU stolen by the host %.0f%%%n", round + 1,
                    ceiling.perSecond(), direct.perSecond(), kafka.perSecond(), kafka.perSecond() / direct.perSecond(),
                    kafka.loadAverage(), kafka.cpu().stolen() * 100));
            System.out.print(rounds.substring(done));
        }
        Run ceiling = IngestLoad.median(ceilings);
        Run direct = IngestLoad.median(directRuns);
        Run kafka = IngestLoad.median(kafkaRuns);
        double groupSize = groupSizes.get(directRuns.indexOf(direct));

        String report = String.format(Locale.ROOT, """
                Kafka path benchmark: %d routers, batches of up to %d events, %d rounds of %,d events (%,d batches) \
                per path after %d s unmeasured, %d requests in flight, %d partitions = detection consumers, broker \
                in-process (KRaft, one node), %d cores
                %s  median of the rounds:
                  parse-only (ceiling):               %,10.0f events/s  (%,d events in %.2f s; CPU per event %s)
                      by stage (µs/event): %s
                  direct (group commit on the lanes): %,10.0f events/s  (%,.0f batches/s, %.1f batches per group; \
                CPU per event %s; %d answers 503/429 retried, %d unanswered after 60 s and sent again)
                      by stage (µs/event): %s
                  Kafka (publish, broker, consumers): %,10.0f events/s  (%,.0f batches/s, until the consumers \
                applied the last; CPU per event %s; %d answers 503/429 retried, %d unanswered after 60 s and sent \
                again)
                      by stage (µs/event): %s
                  ratio Kafka / direct: %.2f; to the ceiling: direct %.2f, Kafka %.2f (events/s)
                """, ROUTERS, BATCH_EVENTS, ROUNDS, IngestLoad.eventsIn(payloads.subList(perSlice, 2 * perSlice)),
                perSlice, WARMUP.toSeconds(), CLIENTS, EmbeddedBroker.PARTITIONS,
                Runtime.getRuntime().availableProcessors(), rounds,
                ceiling.perSecond(), ceiling.events(), ceiling.nanos() / 1e9, ceiling.cpuPerEvent(),
                ceiling.stagesPerEvent(),
                direct.perSecond(), direct.batchesPerSecond(), groupSize, direct.cpuPerEvent(), direct.busy(),
                direct.timedOut(), direct.stagesPerEvent(),
                kafka.perSecond(), kafka.batchesPerSecond(), kafka.cpuPerEvent(), kafka.busy(), kafka.timedOut(),
                kafka.stagesPerEvent(),
                kafka.perSecond() / direct.perSecond(), direct.perSecond() / ceiling.perSecond(),
                kafka.perSecond() / ceiling.perSecond());
        System.out.println(report);
        Files.writeString(Path.of("target", "kafka-path-benchmark.txt"), report);
    }

    private Run direct(IngestLoad load, List<Payload> payloads) throws Exception {
        handOff.direct(true);
        return load.post(ingest, payloads);
    }

    /** Published over HTTP; the stretch ends once the consumers have applied every batch of it. */
    private Run viaKafka(IngestLoad load, List<Payload> payloads) throws Exception {
        handOff.direct(false);
        double before = applied();
        return load.post(ingest, payloads, posted -> await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(20)).until(() -> applied() - before >= posted.size()));
    }

    /** Batches the pipeline has applied, found duplicate or stored as dead letters so far (an in-memory count). */
    private double applied() {
        return APPLIED.stream()
                .map(outcome -> registry.find("homeshield.ingest.batches").tag("outcome", outcome).counter())
                .mapToDouble(counter -> counter == null ? 0 : counter.count()).sum();
    }

    /** Both paths on further households' copies of the traffic until the compiler has caught up. */
    private void warmUp(IngestLoad load, List<Payload> traffic) throws Exception {
        long until = System.nanoTime() + WARMUP.toNanos();
        List<Payload> copy = traffic;
        do {
            load.post(parseOnly, copy);
            direct(load, copy);
            viaKafka(load, load.forOtherHouseholds(traffic, "kafka-bench-"));
            copy = load.forOtherHouseholds(traffic, "kafka-bench-");
        } while (System.nanoTime() < until);
    }
}
