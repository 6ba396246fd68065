package io.homeshield.api.v1;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.activity.HouseholdChange;

/** Something that changed in the household: an alert raised or moved on, an action moved on. */
@Schema(name = "HouseholdEvent")
public record HouseholdEventDto(
        @Schema(description = "alert or action", enumeration = { "alert", "action" }) String kind,
        @Schema(description = "The alert's or action's id; read it for the whole record") UUID id,
        UUID deviceId,
        @Schema(description = "The alert's status or the action's state now", examples = "APPLIED") String state,
        @Schema(description = "When the alert or action got to this state") Instant occurredAt) {

    static HouseholdEventDto of(HouseholdChange change) {
        return new HouseholdEventDto(change.kind(), change.id(), change.deviceId(), change.state(), change.at());
    }
}
