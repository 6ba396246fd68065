package io.homeshield.telemetry.flowexport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application as the flow-export benchmark runs it: the collector on, other ingest paths off, little logging. */
public class FlowExportBenchmarkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "homeshield.telemetry.mqtt.enabled", "false",
                "homeshield.telemetry.flow-export.enabled", "true",
                "homeshield.telemetry.flow-export.port", "0",
                "homeshield.telemetry.flow-export.batch-interval", "1s",
                "homeshield.telemetry.flow-export.max-remembered-addresses", "100000",
                "quarkus.log.category.\"io.homeshield\".level", "WARN");
    }
}
