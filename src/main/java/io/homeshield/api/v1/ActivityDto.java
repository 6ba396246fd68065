package io.homeshield.api.v1;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.activity.ActivityRow;

/** One entry of the household's activity log: who did what, to which device, and how it ended. */
@Schema(name = "Activity")
public record ActivityDto(
        @Schema(examples = "4711") long id,
        Instant at,
        @Schema(description = "member, staff (the provider's support acting for the household), rule or system",
                enumeration = { "member", "staff", "rule", "system" }) String actorKind,
        @Schema(description = "The member's name, or the staff account; empty for rules and the system",
                examples = "Alice Meyer") String actorName,
        @Schema(examples = "device.quarantine") String action,
        @Schema(description = "What it was done to; devices by name", examples = "Living-room camera",
                nullable = true) String target,
        @Schema(description = "The reason given (staff always give one)", nullable = true) String reason,
        @Schema(examples = "requested") String outcome) {

    static ActivityDto of(ActivityRow row) {
        return new ActivityDto(row.entry().id, row.entry().occurredAt, row.actorKind(), row.actorName(),
                row.action(), row.target(), row.entry().reason, row.entry().outcome);
    }
}
