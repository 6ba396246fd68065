package io.homeshield.telemetry;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A pipeline that takes one batch at a time and refuses quickly, so a burst overflows it. */
public class SmallIngestGateProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "homeshield.telemetry.max-concurrent-batches", "1",
                "homeshield.telemetry.admission-wait", "2ms",
                "homeshield.telemetry.retry-after", "1s",
                "homeshield.telemetry.mqtt.enabled", "false");
    }
}
