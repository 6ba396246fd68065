package io.homeshield.telemetry.mqtt;

import java.time.Duration;
import java.util.Optional;

import io.homeshield.infra.mqtt.MqttBrokerSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Telemetry over the provider's MQTT broker: routers publish batches to {@code <topic-prefix>/<router id>/batches}. */
@ConfigMapping(prefix = "homeshield.telemetry.mqtt")
public interface MqttIngestConfig extends MqttBrokerSettings {

    /** Unique per instance; the broker keeps its session, so unacknowledged batches survive a restart. */
    @WithDefault("homeshield-ingest")
    String clientId();

    @WithDefault("homeshield/telemetry")
    String topicPrefix();

    /**
     * MQTT 5 shared-subscription group: replicas in one group split the routers' batches between them.
     * Empty: every instance receives every batch.
     */
    Optional<String> shareGroup();

    /**
     * Batches in flight from the broker before it waits for our acknowledgements. A batch is
     * acknowledged once its records are stored (up to the group commit's flush interval later), so
     * the window must hold what arrives in one interval: 4,000 covers 400 batches a second at 10 s.
     */
    @WithDefault("4000")
    int receiveMaximum();

    /** How long the broker keeps this instance's session (and its unacknowledged batches) while it is away. */
    @WithDefault("1h")
    Duration sessionExpiry();
}
