package io.homeshield.testsupport;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Per-router limits small enough that a test reaches them with a few batches: 400 events a minute,
 * two batches at once, 20 devices. Everything else as configured for tests; no MQTT listener.
 */
public class SmallRouterLimitsProfile implements QuarkusTestProfile {

    public static final int EVENTS_PER_MINUTE = 400;
    public static final int CONCURRENT_BATCHES = 2;
    public static final int DEVICES = 20;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "homeshield.telemetry.router-max-events-per-minute", String.valueOf(EVENTS_PER_MINUTE),
                "homeshield.telemetry.router-max-concurrent-batches", String.valueOf(CONCURRENT_BATCHES),
                "homeshield.telemetry.max-devices-per-router", String.valueOf(DEVICES),
                "homeshield.telemetry.mqtt.enabled", "false");
    }
}
