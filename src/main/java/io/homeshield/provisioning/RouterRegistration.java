package io.homeshield.provisioning;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.infra.json.ClosedShape;

/** A router installed at a household, and how the provider manages it. */
@ClosedShape
@Schema(name = "RouterRegistration")
public record RouterRegistration(
        @Schema(description = "The router's serial number; unique", required = true, examples = "HSB5-0001-7734")
        String serialNumber,
        @Schema(required = true, examples = "HS-Box 5") String model,
        @Schema(required = true, examples = "5.2.1") String firmware,
        @Schema(description = "USP, GENIEACS, OPENWRT or SIMULATED", required = true, examples = "USP") String channel,
        @Schema(description = "Where the channel reaches the router: the USP endpoint id, the ACS device id"
                + " (OUI-ProductClass-Serial) or the ubus URL; absent for SIMULATED",
                examples = "os::012345-F4EABC123456") String managementAddress) {
}
