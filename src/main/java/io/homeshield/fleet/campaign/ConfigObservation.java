package io.homeshield.fleet.campaign;

import java.time.Instant;
import java.util.UUID;

/** One router's parameter taking a new value at a moment, as the campaign detector sees it. */
public record ConfigObservation(UUID routerId, RouterGroup group, String path, String value, Instant at) {
}
