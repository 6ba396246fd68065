package io.homeshield.api.v1;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.infra.json.ClosedShape;

/** A change to a device's own name and type; a field left out stays as it is. */
@ClosedShape
@Schema(name = "DeviceEdit")
public record DeviceEdit(
        @Schema(description = "The household's name for it (up to 100 characters); empty removes it, so the"
                + " network's name shows again", examples = "Living-room camera", nullable = true) String name,
        @Schema(description = "The kind of device", type = SchemaType.STRING,
                implementation = io.homeshield.inventory.DeviceType.class, nullable = true) String type) {
}
