package io.homeshield.inventory;

import java.time.Instant;
import java.util.UUID;

/** One device's traffic in one hour: to be added to what is stored. */
public record ActivityCounts(UUID deviceId, Instant hour, long bytesOut, long bytesIn, long flows, long lookups) {
}
