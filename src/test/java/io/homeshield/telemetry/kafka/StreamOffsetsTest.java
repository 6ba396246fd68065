package io.homeshield.telemetry.kafka;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.telemetry.TelemetryPipeline;
import io.homeshield.telemetry.TelemetryReceipt;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.wire.TelemetryBatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The detection consumers keep each partition's position in PostgreSQL, written with the batches:
 * after everything is applied it stands at the partition's end, and when Kafka's own committed
 * offsets fall behind (a crash after the database commit, before the Kafka commit) the restarted
 * consumers resume from the database's position and apply no batch a second time.
 */
@QuarkusTest
@TestProfile(KafkaProfile.class)
class StreamOffsetsTest {

    @Inject
    TelemetryPipeline pipeline;

    @Inject
    DetectionConsumers consumers;

    @Inject
    KafkaTelemetryConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    ObjectMapper json;

    @Test
    void aRestartBehindKafkasCommittedOffsetsResumesFromTheDatabaseAndRepeatsNothing() {
        List<TestHousehold> homes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            homes.add(Fixtures.household("stream-offsets-" + i));
        }
        List<UUID> ids = homes.stream().map(TestHousehold::routerId).toList();
        publish(homes, 1, 3);
        await().atMost(Duration.ofSeconds(60)).until(() -> receipts(ids) == 36);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored().equals(endOffsets()));

        while (consumers.stopOne()) {
            // all of this replica's consumers stop; the group is empty
        }
        rewindKafkaOffsetsToTheStart();
        double duplicatesBefore = duplicates();
        consumers.onStart(null);

        publish(homes, 4, 4);
        await().atMost(Duration.ofSeconds(60)).until(() -> receipts(ids) == 48);
        await().atMost(Duration.ofSeconds(30)).until(() -> stored().equals(endOffsets()));
        assertEquals(duplicatesBefore, duplicates(), "no batch was taken from the stream a second time");
    }

    private void publish(List<TestHousehold> homes, int fromSequence, int toSequence) {
        for (int sequence = fromSequence; sequence <= toSequence; sequence++) {
            for (TestHousehold home : homes) {
                String mac = Fixtures.randomMac().value();
                TelemetryBatch batch = json.convertValue(Batches.of(home.routerId(), sequence)
                        .host(mac, "192.168.1.30", "laptop", true).flow(mac, "203.0.113.7", 443).build(),
                        TelemetryBatch.class);
                assertEquals("queued", pipeline.accept(home.routerId(), batch).status());
            }
        }
    }

    private double duplicates() {
        return registry.counter("homeshield.ingest.batches", "outcome", "duplicate").count();
    }

    private Map<TopicPartition, Long> stored() {
        List<TopicPartition> partitions = new ArrayList<>(endOffsets().keySet());
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<TopicPartition, Long> out = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = TelemetryReceipt.getEntityManager().createNativeQuery(
                    "select partition_number, next_offset from telemetry_stream_offset where consumer_group = ?1"
                            + " and topic = ?2").setParameter(1, config.groupId()).setParameter(2, config.topic())
                    .getResultList();
            for (Object[] row : rows) {
                out.put(new TopicPartition(config.topic(), ((Number) row[0]).intValue()),
                        ((Number) row[1]).longValue());
            }
            // partitions nothing was ever published to have no row; their end is 0
            partitions.forEach(p -> out.putIfAbsent(p, 0L));
            return out;
        });
    }

    private Map<TopicPartition, Long> endOffsets() {
        try (KafkaConsumer<String, byte[]> reader = client(null)) {
            return reader.endOffsets(partitions(reader));
        }
    }

    private void rewindKafkaOffsetsToTheStart() {
        try (KafkaConsumer<String, byte[]> group = client(config.groupId())) {
            List<TopicPartition> partitions = partitions(group);
            group.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            partitions.forEach(p -> start.put(p, new OffsetAndMetadata(0)));
            group.commitSync(start);
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> out = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(config.topic())) {
            out.add(new TopicPartition(info.topic(), info.partition()));
        }
        return out;
    }

    private KafkaConsumer<String, byte[]> client(String group) {
        Map<String, Object> settings = KafkaClients.common(config, "stream-offsets-test-" + UUID.randomUUID());
        if (group != null) {
            settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static long receipts(List<UUID> routers) {
        return QuarkusTransaction.requiringNew().call(() -> TelemetryReceipt.count("routerId in ?1", routers));
    }
}
