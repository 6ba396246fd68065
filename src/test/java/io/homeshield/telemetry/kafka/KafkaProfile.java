package io.homeshield.telemetry.kafka;

import java.util.List;
import java.util.Map;

import io.homeshield.testsupport.KafkaBrokerResource;
import io.quarkus.test.junit.QuarkusTestProfile;

/** Telemetry through a real in-process Kafka broker, with two detection consumers. */
public class KafkaProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("homeshield.telemetry.kafka.consumers", "2", "homeshield.telemetry.kafka.retry-backoff", "200ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaBrokerResource.class));
    }
}
