package io.homeshield.telemetry.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.homeshield.telemetry.SwitchableHandOff;
import io.homeshield.testsupport.EmbeddedBroker;

/**
 * The Kafka profile with one detection consumer per partition, the other ingest paths off, the
 * parse-only ceiling open, and the hand-off switchable between the direct path and the stream.
 */
public class KafkaBenchmarkProfile extends KafkaProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("homeshield.telemetry.kafka.consumers", String.valueOf(EmbeddedBroker.PARTITIONS));
        overrides.put("homeshield.telemetry.benchmark-endpoint", "true");
        overrides.put("homeshield.telemetry.mqtt.enabled", "false");
        overrides.put("homeshield.telemetry.flow-export.enabled", "false");
        overrides.put("quarkus.log.category.\"io.homeshield\".level", "WARN");
        return overrides;
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(SwitchableHandOff.class);
    }
}
