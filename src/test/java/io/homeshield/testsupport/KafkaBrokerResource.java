package io.homeshield.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts an {@link EmbeddedBroker} for a test profile and points the telemetry stream at it. */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            broker = EmbeddedBroker.start();
        } catch (Exception e) {
            throw new IllegalStateException("the Kafka broker did not start", e);
        }
        return Map.of("homeshield.telemetry.kafka.enabled", "true",
                "homeshield.telemetry.kafka.bootstrap-servers", broker.bootstrapServers(),
                "homeshield.telemetry.kafka.topic", EmbeddedBroker.TOPIC);
    }

    @Override
    public void stop() {
        try {
            if (broker != null) {
                broker.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
