package io.homeshield.telemetry.kafka;

import java.io.IOException;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.homeshield.telemetry.TelemetryPipeline;
import io.homeshield.telemetry.wire.TelemetryBatch;
import io.quarkus.logging.Log;

/**
 * One member of the detection group: applies each polled partition's batches in order as one group
 * (one transaction, set-based writes, as ingest's group commit) and stores the partition's next
 * offset in the database in that same transaction. On assignment a partition resumes from that
 * stored offset, so a crash or rebalance neither loses nor repeats a batch, without Kafka
 * transactions; the offset is also committed to Kafka afterwards, only so that the group's lag can
 * be watched. A batch that cannot be applied, or fails today's checks, becomes a dead letter in the
 * pipeline and the partition moves on; only while even that cannot be stored (the database away)
 * does the partition wait and try again. Detector state follows the partitions: a router's batches
 * always reach the consumer that owns its partition, and a partition that moves starts fresh on its
 * new owner.
 */
final class DetectionConsumer implements Runnable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaTelemetryConfig config;
    private final TelemetryPipeline pipeline;
    private final TelemetryRecords records;
    private final StreamOffsets offsets;
    private final Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    DetectionConsumer(KafkaTelemetryConfig config, TelemetryPipeline pipeline, TelemetryRecords records,
            StreamOffsets offsets, String name) {
        this.config = config;
        this.pipeline = pipeline;
        this.records = records;
        this.offsets = offsets;
        Map<String, Object> settings = KafkaClients.common(config, "homeshield-detection-" + name);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        this.consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(this, "detection-" + name);
    }

    void start() {
        thread.start();
    }

    void signalStop() {
        running.set(false);
        consumer.wakeup();
    }

    void stop() {
        signalStop();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(config.topic()), new Handover());
            while (running.get()) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
                for (TopicPartition partition : polled.partitions()) {
                    applyInOrder(partition, polled.records(partition));
                }
                commitApplied();
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            Log.error("A detection consumer stopped unexpectedly; its partitions go to the others", e);
        } finally {
            try {
                commitApplied();
            } catch (RuntimeException e) {
                Log.warnf("Offsets not committed on stop (the batches will be replayed and found applied): %s",
                        e.getMessage());
            }
            consumer.close(Duration.ofSeconds(10));
        }
    }

    private void applyInOrder(TopicPartition partition, List<ConsumerRecord<String, byte[]>> polled) {
        if (!running.get() || polled.isEmpty()) {
            if (!polled.isEmpty()) {
                consumer.seek(partition, polled.get(0).offset());
            }
            return;
        }
        List<TelemetryPipeline.StreamBatch> batches = new ArrayList<>(polled.size());
        for (ConsumerRecord<String, byte[]> record : polled) {
            try {
                batches.add(new TelemetryPipeline.StreamBatch(UUID.fromString(record.key()), records.read(record.value()),
                        TelemetryRecords.sourceOf(record.headers())));
            } catch (IOException | RuntimeException e) {
                Log.errorf("Telemetry record %s-%d@%d is unreadable and skipped: %s", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
            }
        }
        long next = polled.get(polled.size() - 1).offset() + 1;
        try {
            pipeline.applyFromStream(batches, () -> offsets.store(config.groupId(), partition, next));
            applied.put(partition, new OffsetAndMetadata(next));
        } catch (RuntimeException e) {
            // Not applied (database away, say): this partition waits and tries again from the first of them.
            Log.warnf("Batches of %s from offset %d neither applied nor stored as dead letters, trying again: %s",
                    partition, polled.get(0).offset(), e.getMessage());
            consumer.seek(partition, polled.get(0).offset());
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.retryBackoff().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    private void commitApplied() {
        if (!applied.isEmpty()) {
            consumer.commitSync(applied);
            applied.clear();
        }
    }

    /** Commits what was applied before partitions leave, so their new owner starts right after it. */
    private final class Handover implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitApplied();
        }

        /** Each partition resumes right after the last batch whose transaction committed, wherever Kafka's offset is. */
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            offsets.positions(config.groupId(), partitions).forEach(consumer::seek);
            Log.debugf("Detection consumer took %s", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Already someone else's: their batches will be replayed there and found applied
            partitions.forEach(applied::remove);
        }
    }
}
