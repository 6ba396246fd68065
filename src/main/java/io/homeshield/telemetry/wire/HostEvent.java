package io.homeshield.telemetry.wire;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A LAN host in the router's host table (TR-181 {@code Device.Hosts.Host.{i}.}). */
@Schema(name = "HostEvent", description = "type=host: a device in the router's host table.")
public record HostEvent(
        @Schema(required = true, examples = "3C:84:6A:12:34:56") String mac,
        @Schema(examples = "192.168.1.23") String ip,
        @Schema(examples = "living-room-cam") String hostname,
        @Schema(required = true, description = "Whether the host is connected now.") Boolean active,
        @Schema(description = "When the router saw this state; defaults to the batch's sentAt.") Instant at) implements TelemetryEvent {
}
