package io.homeshield.telemetry;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The application as the ingest benchmark runs it: the parse-only ceiling open, other ingest paths off. */
public class BenchmarkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "homeshield.telemetry.benchmark-endpoint", "true",
                "homeshield.telemetry.mqtt.enabled", "false",
                "homeshield.telemetry.flow-export.enabled", "false",
                "quarkus.log.category.\"io.homeshield\".level", "WARN",
                // a refused batch is sent again after Retry-After: a second, not the production 5 s,
                // so that a few seconds' round is not mostly routers waiting
                "homeshield.telemetry.retry-after", "1s",
                "homeshield.telemetry.group-commit.flush-interval", flushInterval());
    }

    /** Detection that a stretch can switch off, to measure what it costs in the same run. */
    @Override
    public java.util.Set<Class<?>> getEnabledAlternatives() {
        return java.util.Set.of(io.homeshield.detection.SwitchableDetection.class);
    }

    /** The group commit's flush interval for the run ({@code -Dbench.flush-interval}, 2 s unless set). */
    static String flushInterval() {
        return System.getProperty("bench.flush-interval", "2s");
    }
}
