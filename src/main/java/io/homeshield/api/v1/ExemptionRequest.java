package io.homeshield.api.v1;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.infra.json.ClosedShape;
import io.homeshield.infra.problem.ProblemException;

/** A device to spare from a block for every device. */
@ClosedShape
@Schema(name = "ExemptionRequest")
public record ExemptionRequest(
        @Schema(type = SchemaType.STRING, format = "uuid", required = true) String deviceId) {

    UUID device() {
        return ApiProblems.uuid("deviceId", deviceId).orElseThrow(() -> ProblemException.invalid("deviceId",
                "name the device to spare"));
    }
}
