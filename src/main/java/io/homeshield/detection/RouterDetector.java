package io.homeshield.detection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.homeshield.alert.Finding;
import io.homeshield.wire.ConfigEvent;

/**
 * Looks at changes of a router's own settings and reports what is suspicious; findings concern the router (no device).
 */
public interface RouterDetector {

    /** @param reportedAt stands in for changes without a time of their own */
    void inspect(UUID routerId, List<ConfigEvent> changes, Instant reportedAt, Consumer<Finding> findings);
}
