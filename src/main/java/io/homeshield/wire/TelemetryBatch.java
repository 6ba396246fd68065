package io.homeshield.wire;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a router sends: a numbered batch of the events it saw since the last one. */
@Schema(name = "TelemetryBatch", description = "A numbered batch of events from one router.")
public record TelemetryBatch(
        @Schema(description = "The router's id, issued with its ingest credential.", required = true,
                examples = "6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f")
        @NotNull UUID routerId,
        @Schema(description = "Per-router sequence number; a batch resent with the same number is acknowledged and"
                + " not applied twice.", required = true, examples = "1042")
        @NotNull @PositiveOrZero Long sequence,
        @Schema(description = "When the router sent the batch (RFC 3339).", required = true,
                examples = "2026-11-22T10:15:30Z")
        @NotNull Instant sentAt,
        @Schema(description = "The events, oldest first.", required = true)
        @NotNull List<@NotNull(message = "must be an event object") @Valid TelemetryEvent> events) {
}
