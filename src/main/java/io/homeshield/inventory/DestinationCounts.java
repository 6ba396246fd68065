package io.homeshield.inventory;

import java.time.LocalDate;
import java.util.UUID;

/** One device's traffic to one destination (a name it looked up, else an address) on one day. */
public record DestinationCounts(UUID deviceId, LocalDate day, String destination, long bytes, long connections) {
}
