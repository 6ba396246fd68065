package io.homeshield.detection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.homeshield.alert.Finding;
import io.homeshield.wire.TelemetryEvent;

/**
 * For the ingest benchmark: the detection engine with every detector, which a stretch can switch off
 * so that the same run measures what detection costs the pipeline (with it ÷ without it). Enabled only
 * by the benchmark's profile. A singleton, not proxied: the engine it extends has no constructor
 * without arguments for a proxy to call.
 */
@Alternative
@Singleton
public class SwitchableDetection extends DetectionEngine {

    private volatile boolean off;

    @Inject
    SwitchableDetection(Instance<Detector> detectors, Instance<RouterDetector> routerDetectors,
            DestinationPopularity popularity) {
        super(detectors, routerDetectors, popularity);
    }

    /** From now on batches are inspected ({@code true}) or pass without detection. */
    public void inspecting(boolean on) {
        off = !on;
    }

    @Override
    public List<Finding> inspect(UUID routerId, List<TelemetryEvent> events, Instant reportedAt) {
        return off ? List.of() : super.inspect(routerId, events, reportedAt);
    }
}
