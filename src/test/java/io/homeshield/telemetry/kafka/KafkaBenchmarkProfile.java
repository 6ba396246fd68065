package io.homeshield.telemetry.kafka;

import java.util.HashMap;
import java.util.Map;

import io.homeshield.testsupport.EmbeddedBroker;

/** The Kafka profile with one detection consumer per partition and the other ingest paths off. */
public class KafkaBenchmarkProfile extends KafkaProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        overrides.put("homeshield.telemetry.kafka.consumers", String.valueOf(EmbeddedBroker.PARTITIONS));
        overrides.put("homeshield.telemetry.mqtt.enabled", "false");
        overrides.put("homeshield.telemetry.flow-export.enabled", "false");
        overrides.put("quarkus.log.category.\"io.homeshield\".level", "WARN");
        return overrides;
    }
}
