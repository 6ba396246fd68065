package io.homeshield.telemetry.wire;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A connection from a LAN device to somewhere outside. */
@Schema(name = "FlowEvent", description = "type=flow: a connection from a LAN device.")
public record FlowEvent(
        @Schema(required = true, examples = "3C:84:6A:12:34:56") String mac,
        @Schema(required = true, description = "tcp, udp or icmp", examples = "tcp") String protocol,
        @Schema(required = true, examples = "203.0.113.7") String dstIp,
        @Schema(description = "Destination port (0-65535); absent for icmp.", examples = "23") Integer dstPort,
        @Schema(examples = "5120") long bytesOut,
        @Schema(examples = "880") long bytesIn,
        @Schema(examples = "12") long packetsOut,
        @Schema(examples = "9") long packetsIn,
        @Schema(required = true, examples = "2026-11-22T10:15:01Z") Instant start,
        @Schema(description = "Duration in milliseconds.", examples = "2500") Long durationMs) implements TelemetryEvent {
}
