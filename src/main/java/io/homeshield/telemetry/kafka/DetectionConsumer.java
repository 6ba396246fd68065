package io.homeshield.telemetry.kafka;

import java.io.IOException;
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
 * One member of the detection group: applies its partitions' batches in order, each in its own
 * transaction, and commits a partition's offset only past batches whose transaction has committed.
 * Delivery is at least once (a crash replays the uncommitted tail); the receipt per router and
 * sequence makes a replayed batch a no-op and alerts are deduplicated in the database, so the
 * effect is exactly once. A batch that cannot be applied, or fails today's checks, becomes a dead
 * letter in the pipeline and the partition moves on; only while even that cannot be stored (the
 * database away) does the partition wait and try again. Detector state follows the partitions: a router's batches always reach
 * the consumer that owns its partition, and a partition that moves starts fresh on its new owner.
 */
final class DetectionConsumer implements Runnable {

    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaTelemetryConfig config;
    private final TelemetryPipeline pipeline;
    private final TelemetryRecords records;
    private final Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    DetectionConsumer(KafkaTelemetryConfig config, TelemetryPipeline pipeline, TelemetryRecords records, String name) {
        this.config = config;
        this.pipeline = pipeline;
        this.records = records;
        Map<String, Object> settings = KafkaClients.common(config, "homeshield-detection-" + name);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50);
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

    private void applyInOrder(TopicPartition partition, List<ConsumerRecord<String, byte[]>> batches) {
        for (ConsumerRecord<String, byte[]> record : batches) {
            if (!running.get()) {
                consumer.seek(partition, record.offset());
                return;
            }
            if (!apply(record)) {
                // Not applied (database away, say): this partition waits and tries again from here.
                consumer.seek(partition, record.offset());
                pause();
                return;
            }
            applied.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
    }

    /** True once the batch is applied (or can never be): false if it must be tried again. */
    private boolean apply(ConsumerRecord<String, byte[]> record) {
        TelemetryBatch batch;
        try {
            batch = records.read(record.value());
        } catch (IOException | RuntimeException e) {
            Log.errorf("Telemetry record %s-%d@%d is unreadable and skipped: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return true;
        }
        try {
            pipeline.applyFromStream(UUID.fromString(record.key()), batch,
                    TelemetryRecords.sourceOf(record.headers()));
            return true;
        } catch (RuntimeException e) {
            Log.warnf("Batch %d of router %s neither applied nor stored as a dead letter, trying again: %s",
                    batch.sequence(), record.key(), e.getMessage());
            return false;
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

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Log.debugf("Detection consumer took %s", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Already someone else's: their batches will be replayed there and found applied
            partitions.forEach(applied::remove);
        }
    }
}
