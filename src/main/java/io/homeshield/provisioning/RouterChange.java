package io.homeshield.provisioning;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.infra.json.ClosedShape;

/** What changes about an installed router; fields left out stay as they are. */
@ClosedShape
@Schema(name = "RouterChange")
public record RouterChange(
        @Schema(description = "USP, GENIEACS, OPENWRT or SIMULATED; changing it needs the new managementAddress")
        String channel,
        @Schema(description = "The new address on the (new) channel") String managementAddress,
        @Schema(description = "The firmware the router now runs", examples = "5.3.0") String firmware) {
}
