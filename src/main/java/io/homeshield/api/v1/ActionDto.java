package io.homeshield.api.v1;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;

/** An instruction to the household's router and where it stands. */
@Schema(name = "Action")
public record ActionDto(
        UUID id,
        UUID deviceId,
        ActionKind kind,
        @Schema(description = "REQUESTED, then DISPATCHED to the router, APPLIED by it and VERIFIED by reading it back;"
                + " or FAILED with lastError") ActionState state,
        @Schema(description = "How often it was sent to the router so far", examples = "0") int attempts,
        @Schema(description = "Why the last attempt failed", nullable = true) String lastError,
        Instant requestedAt,
        Instant updatedAt) {

    static ActionDto of(EnforcementAction action) {
        return new ActionDto(action.id, action.deviceId, action.kind, action.state, action.attempts, action.lastError,
                action.requestedAt, action.updatedAt);
    }
}
