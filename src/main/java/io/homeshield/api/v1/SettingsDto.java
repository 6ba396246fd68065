package io.homeshield.api.v1;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.household.NotifyLevel;
import io.homeshield.infra.json.ClosedShape;

/** The household's settings, and the asking member's own. */
@ClosedShape
@Schema(name = "Settings")
public record SettingsDto(
        @Schema(description = "Quarantine a device at once when a serious alert opens on it (whole household;"
                + " changed by the owner or a co-admin)") Boolean autoQuarantine,
        @Schema(description = "Which new alerts the asking member is told about (their own setting)")
        NotifyLevel notifyLevel) {
}
