package io.homeshield.telemetry.kafka;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.homeshield.alert.EvidenceSource;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.telemetry.BatchHandOff;
import io.homeshield.telemetry.BatchOutcome;
import io.homeshield.telemetry.TelemetryConfig;
import io.homeshield.wire.TelemetryBatch;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.logging.Log;

/**
 * Publishes checked batches to the telemetry topic, keyed by router, so all of a router's batches
 * land in one partition in the order they were accepted. The router is answered only once the
 * brokers have stored the batch (acks=all, idempotent producer): an accepted batch is never lost;
 * when the brokers cannot take it, the router is told to retry, as when the pipeline is full.
 */
@ApplicationScoped
@LookupIfProperty(name = "homeshield.telemetry.kafka.enabled", stringValue = "true")
class KafkaBatchPublisher implements BatchHandOff {

    /** Batches of many routers published within a few milliseconds share one request to the brokers. */
    private static final int LINGER_MS = 5;

    private final KafkaProducer<String, byte[]> producer;
    private final TelemetryRecords records;
    private final KafkaTelemetryConfig config;
    private final TelemetryConfig telemetry;

    KafkaBatchPublisher(KafkaTelemetryConfig config, TelemetryConfig telemetry, TelemetryRecords records,
            @ConfigProperty(name = "homeshield.jobs.instance-id") String instance) {
        this.config = config;
        this.telemetry = telemetry;
        this.records = records;
        Map<String, Object> settings = KafkaClients.common(config, "homeshield-ingest-" + instance);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // A batch may be up to max-batch-bytes of JSON; the topic's max.message.bytes must allow it too
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, telemetry.maxBatchBytes() + 65_536);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.publishTimeout().toMillis());
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.publishTimeout().toMillis() - LINGER_MS);
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.publishTimeout().toMillis());
        this.producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public BatchOutcome handOff(UUID routerId, TelemetryBatch batch, EvidenceSource source) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(config.topic(), routerId.toString(),
                records.write(batch));
        record.headers().add(TelemetryRecords.SOURCE_HEADER, TelemetryRecords.sourceValue(source));
        try {
            producer.send(record).get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return BatchOutcome.queued(routerId, batch.sequence(), batch.events().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Log.warnf("Telemetry of router %s not published: %s", routerId, e.getMessage());
            throw unavailable(e);
        }
    }

    private ProblemException unavailable(Exception cause) {
        return new ProblemException(ProblemType.UNAVAILABLE,
                "The telemetry stream cannot take the batch right now; it was not accepted. Send it again after the"
                        + " Retry-After delay.")
                .withHeader("Retry-After", String.valueOf(telemetry.retryAfter().toSeconds()));
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
