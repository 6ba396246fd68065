package io.homeshield.telemetry;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The ingest endpoint's answer to a batch. */
@Schema(name = "BatchReceipt", description = "What happened to a batch.")
public record BatchOutcome(
        @Schema(examples = "6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f") UUID routerId,
        @Schema(examples = "1042") long sequence,
        @Schema(description = "accepted: applied now; duplicate: this sequence number was accepted before and is not "
                + "applied again; queued: stored in the telemetry stream and applied within moments (resends stay "
                + "harmless); dead-lettered: could not be applied after retries and is kept for the provider's "
                + "analysts to replay (do not resend it).",
                enumeration = { "accepted", "duplicate", "queued", "dead-lettered" }, examples = "accepted")
        String status,
        @Schema(description = "Events in the batch.", examples = "120") int events,
        @Schema(description = "Alerts this batch opened.", examples = "0") int alertsOpened) {

    static BatchOutcome accepted(UUID routerId, long sequence, int events, int alertsOpened) {
        return new BatchOutcome(routerId, sequence, "accepted", events, alertsOpened);
    }

    static BatchOutcome duplicate(UUID routerId, long sequence, int events) {
        return new BatchOutcome(routerId, sequence, "duplicate", events, 0);
    }

    /** Safely stored in the telemetry stream; applied shortly by a detection consumer. */
    public static BatchOutcome queued(UUID routerId, long sequence, int events) {
        return new BatchOutcome(routerId, sequence, "queued", events, 0);
    }

    /** Not applied after its retries, but stored as a dead letter for analysts to replay: never lost. */
    static BatchOutcome deadLettered(UUID routerId, long sequence, int events) {
        return new BatchOutcome(routerId, sequence, "dead-lettered", events, 0);
    }

    boolean isDeadLettered() {
        return "dead-lettered".equals(status);
    }

    boolean isQueued() {
        return "queued".equals(status);
    }

    boolean isDuplicate() {
        return "duplicate".equals(status);
    }
}
