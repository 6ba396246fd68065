package io.homeshield.simulator.scenario;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.homeshield.wire.TelemetryEvent;

/** What one router posts: its events since the previous batch, oldest first. */
public record RouterBatch(UUID routerId, long sequence, Instant sentAt, List<TelemetryEvent> events) {
}
