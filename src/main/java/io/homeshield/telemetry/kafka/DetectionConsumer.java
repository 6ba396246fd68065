package io.homeshield.telemetry.kafka;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
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

import io.homeshield.telemetry.TelemetryConfig;
import io.homeshield.telemetry.TelemetryPipeline;
import io.quarkus.logging.Log;

/**
 * One member of the detection group: applies each polled partition's batches in order as one group
 * on arrival (devices, detection, alerts: one transaction, set-based writes, as ingest's group
 * commit) and, every group-commit flush interval, stores what the batches of all its partitions left
 * (receipts, roll-ups coalesced across polls, configuration changes) together with each partition's
 * next offset in the database, in one transaction. On assignment a partition resumes from that
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
    private final TelemetryConfig.GroupCommit groupCommit;
    private final Map<TopicPartition, OffsetAndMetadata> applied = new HashMap<>();
    /** Per partition: batches applied on arrival whose store is due with the next flush, and the offset after them. */
    private final Map<TopicPartition, TelemetryPipeline.StreamArrivals> open = new HashMap<>();
    private final Map<TopicPartition, Long> openUntil = new HashMap<>();
    private long flushAt;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    DetectionConsumer(KafkaTelemetryConfig config, TelemetryPipeline pipeline, TelemetryRecords records,
            StreamOffsets offsets, TelemetryConfig.GroupCommit groupCommit, String name) {
        this.config = config;
        this.groupCommit = groupCommit;
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
                if (flushDue()) {
                    flush();
                }
                commitApplied();
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            Log.error("A detection consumer stopped unexpectedly; its partitions go to the others", e);
        } finally {
            try {
                flush();
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
                batches.add(new TelemetryPipeline.StreamBatch(UUID.fromString(record.key()),
                        records.read(record.value()), TelemetryRecords.sourceOf(record.headers())));
            } catch (IOException | RuntimeException e) {
                Log.errorf("Telemetry record %s-%d@%d is unreadable and skipped: %s", record.topic(),
                        record.partition(), record.offset(), e.getMessage());
            }
        }
        long next = polled.get(polled.size() - 1).offset() + 1;
        try {
            TelemetryPipeline.StreamArrivals waiting = open.computeIfAbsent(partition,
                    p -> new TelemetryPipeline.StreamArrivals());
            if (open.values().stream().allMatch(TelemetryPipeline.StreamArrivals::isEmpty)
                    && openUntil.isEmpty()) {
                flushAt = System.nanoTime() + groupCommit.flushInterval().toNanos();
            }
            pipeline.arriveFromStream(batches, waiting);
            openUntil.put(partition, next);
        } catch (RuntimeException e) {
            // Not applied (database away, say): this partition waits and tries again from the first of them.
            Log.warnf("Batches of %s from offset %d neither applied nor stored as dead letters, trying again: %s",
                    partition, polled.get(0).offset(), e.getMessage());
            consumer.seek(partition, polled.get(0).offset());
            pause();
        }
    }

    private boolean flushDue() {
        if (openUntil.isEmpty()) {
            return false;
        }
        long events = open.values().stream().mapToLong(TelemetryPipeline.StreamArrivals::events).sum();
        return !running.get() || System.nanoTime() - flushAt >= 0 || events >= groupCommit.maxOpenEvents();
    }

    /**
     * Stores what the batches applied since the last flush left, with every partition's position, in
     * one transaction: a crash before it replays them from the stored positions (their receipts are
     * not stored, so they apply in full), a crash after it replays nothing.
     */
    private void flush() {
        if (openUntil.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> positions = new HashMap<>(openUntil);
        List<TelemetryPipeline.StreamArrivals> parts = new ArrayList<>();
        positions.keySet().forEach(p -> parts.add(open.get(p)));
        try {
            pipeline.storeFromStream(parts,
                    () -> positions.forEach((p, next) -> offsets.store(config.groupId(), p, next)));
            positions.forEach((p, next) -> applied.put(p, new OffsetAndMetadata(next)));
        } catch (RuntimeException e) {
            // Not stored (database away, say): each partition goes back to its stored position and applies again
            Log.warnf("Batches of %s neither stored nor kept as dead letters, trying again: %s", positions.keySet(),
                    e.getMessage());
            Map<TopicPartition, Long> stored = offsets.positions(config.groupId(), positions.keySet());
            stored.forEach(consumer::seek);
            List<TopicPartition> neverStored = positions.keySet().stream().filter(p -> !stored.containsKey(p)).toList();
            if (!neverStored.isEmpty()) {
                consumer.seekToBeginning(neverStored);
            }
            pause();
        } finally {
            openUntil.clear();
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
            flush();
            commitApplied();
        }

        /**
         * Each partition resumes right after the last batch whose transaction committed, wherever
         * Kafka's offset is.
         */
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            offsets.positions(config.groupId(), partitions).forEach(consumer::seek);
            Log.debugf("Detection consumer took %s", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Already someone else's: their batches will be replayed there (those not stored here apply in full)
            partitions.forEach(applied::remove);
            partitions.forEach(p -> {
                openUntil.remove(p);
                TelemetryPipeline.StreamArrivals dropped = open.remove(p);
                if (dropped != null && !dropped.isEmpty()) {
                    Log.infof("Partition %s lost with batches not stored here; its new owner applies them", p);
                }
            });
        }
    }
}
