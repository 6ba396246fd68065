package io.homeshield.telemetry;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ingest endpoint's answer to a batch. */
@Schema(name = "BatchReceipt", description = "What happened to a batch.")
public record BatchOutcome(
        @Schema(examples = "6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f") UUID routerId,
        @Schema(examples = "1042") long sequence,
        @Schema(description = "accepted: applied now; duplicate: this sequence number was accepted before and is not applied again.",
                enumeration = { "accepted", "duplicate" }, examples = "accepted") String status,
        @Schema(description = "Events in the batch.", examples = "120") int events,
        @Schema(description = "Alerts this batch opened.", examples = "0") int alertsOpened) {

    static BatchOutcome accepted(UUID routerId, long sequence, int events, int alertsOpened) {
        return new BatchOutcome(routerId, sequence, "accepted", events, alertsOpened);
    }

    static BatchOutcome duplicate(UUID routerId, long sequence, int events) {
        return new BatchOutcome(routerId, sequence, "duplicate", events, 0);
    }

    boolean isDuplicate() {
        return "duplicate".equals(status);
    }
}
