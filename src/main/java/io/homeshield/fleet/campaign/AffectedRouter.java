package io.homeshield.fleet.campaign;

import java.time.Instant;
import java.util.UUID;

/** A router that made a campaign's change: which value exactly, and when. */
public record AffectedRouter(UUID routerId, RouterGroup group, String path, String value, Instant at) {
}
