package io.homeshield.telemetry;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Group commit whose lanes store only once the waiting batches hold ten events (five of the test's
 * batches) (the interval is far longer than any test), so a test decides exactly when the store
 * happens; one lane, so every router shares it.
 */
public class CoalescingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "homeshield.telemetry.group-commit.lanes", "1",
                "homeshield.telemetry.group-commit.flush-interval", "1h",
                "homeshield.telemetry.group-commit.max-open-events", "10",
                "homeshield.telemetry.mqtt.enabled", "false",
                "homeshield.telemetry.flow-export.enabled", "false");
    }
}
