package io.homeshield.telemetry.kafka;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The telemetry stream: off unless a provider scales ingest and detection out through Kafka. */
@ConfigMapping(prefix = "homeshield.telemetry.kafka")
public interface KafkaTelemetryConfig {

    @WithDefault("false")
    boolean enabled();

    @WithDefault("127.0.0.1:9092")
    String bootstrapServers();

    @WithDefault("homeshield.telemetry")
    String topic();

    /** The detection consumers' group: every replica's consumers share the topic's partitions. */
    @WithDefault("homeshield-detection")
    String groupId();

    /** Detection consumers on this replica; 0 makes it an ingest-only replica. */
    @WithDefault("2")
    int consumers();

    /** How long ingest waits for the brokers to store a batch before telling the router to retry. */
    @WithDefault("10s")
    Duration publishTimeout();

    /** Pause before a batch that failed to apply (database unreachable, say) is tried again. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Further Kafka client properties for producer and consumers (security.protocol, sasl.*, ssl.*). */
    Map<String, String> client();
}
