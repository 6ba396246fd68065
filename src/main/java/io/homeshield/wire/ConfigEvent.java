package io.homeshield.wire;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change of the router's own configuration (TR-181 parameter path). */
@Schema(name = "ConfigEvent", description = "type=config: a change of the router's own configuration.")
public record ConfigEvent(
        @Schema(required = true, examples = "Device.DNS.Client.Server.1.DNSServer")
        @NotBlank @Size(max = 256) String path,
        @Schema(examples = "192.0.2.53") @Size(max = 1024) String oldValue,
        @Schema(examples = "198.51.100.66") @Size(max = 1024) String newValue,
        @Schema(description = "Who changed it: user, acs, controller or unknown.", examples = "unknown",
                enumeration = { "user", "acs", "controller", "unknown" })
        @Pattern(regexp = "user|acs|controller|unknown", message = "must be user, acs, controller or unknown")
        String source,
        @Schema(description = "When it changed; defaults to the batch's sentAt.")
        Instant at) implements TelemetryEvent {
}
