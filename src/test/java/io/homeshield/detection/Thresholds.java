package io.homeshield.detection;

import java.util.Map;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * The detectors' thresholds as configured by default, or with some keys overridden, without starting the application.
 */
final class Thresholds {

    private Thresholds() {
    }

    static BehaviourThresholds defaults() {
        return with(Map.of());
    }

    /** Keys relative to {@code homeshield.detection.behaviour.}, e.g. {@code dga.slow-window=30M}. */
    static BehaviourThresholds with(Map<String, String> overrides) {
        Map<String, String> keys = new java.util.HashMap<>();
        overrides.forEach((k, v) -> keys.put("homeshield.detection.behaviour." + k, v));
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new MapBackedConfigSource("test", keys) {
                })
                .withMapping(BehaviourThresholds.class)
                .build();
        return config.getConfigMapping(BehaviourThresholds.class);
    }
}
