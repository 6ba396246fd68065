package io.homeshield.wire;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A LAN host in the router's host table (TR-181 {@code Device.Hosts.Host.{i}.}). */
@Schema(name = "HostEvent", description = "type=host: a device in the router's host table.")
public record HostEvent(
        @Schema(required = true, examples = "3C:84:6A:12:34:56") @NotNull @Mac String mac,
        @Schema(examples = "192.168.1.23") @IpLiteral String ip,
        @Schema(examples = "living-room-cam", maxLength = 255) @Size(max = 255) String hostname,
        @Schema(required = true, description = "Whether the host is connected now.") @NotNull Boolean active,
        @Schema(description = "When the router saw this state; defaults to the batch's sentAt.")
        Instant at) implements TelemetryEvent {
}
