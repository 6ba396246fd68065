package io.homeshield.telemetry.kafka;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;

/** Settings every Kafka client of the telemetry stream shares. */
final class KafkaClients {

    private KafkaClients() {
    }

    static Map<String, Object> common(KafkaTelemetryConfig config, String clientId) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        settings.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        config.client().forEach((key, value) -> {
            if (!value.isBlank()) {
                settings.put(key, value);
            }
        });
        return settings;
    }
}
