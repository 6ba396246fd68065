package io.homeshield.telemetry.wire;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A connection from a LAN device to somewhere outside. */
@Schema(name = "FlowEvent", description = "type=flow: a connection from a LAN device.")
public record FlowEvent(
        @Schema(required = true, examples = "3C:84:6A:12:34:56") @NotNull @Mac String mac,
        @Schema(required = true, description = "tcp, udp or icmp", examples = "tcp", enumeration = { "tcp", "udp", "icmp" })
        @NotNull @Pattern(regexp = "tcp|udp|icmp", message = "must be tcp, udp or icmp") String protocol,
        @Schema(required = true, examples = "203.0.113.7") @NotNull @IpLiteral String dstIp,
        @Schema(description = "Destination port (0-65535); absent for icmp.", examples = "23") @Min(0) @Max(65535) Integer dstPort,
        @Schema(examples = "5120") @PositiveOrZero long bytesOut,
        @Schema(examples = "880") @PositiveOrZero long bytesIn,
        @Schema(examples = "12") @PositiveOrZero long packetsOut,
        @Schema(examples = "9") @PositiveOrZero long packetsIn,
        @Schema(required = true, examples = "2026-11-22T10:15:01Z") @NotNull Instant start,
        @Schema(description = "Duration in milliseconds.", examples = "2500") @PositiveOrZero Long durationMs,
        @Schema(description = "tcp only, optional: the sequence number of the connection's first SYN (0-4294967295)."
                + " Mirai-family scanners set it to the destination IPv4 address, a fingerprint worth reporting"
                + " when the router can see it.", examples = "3405803783")
        @Min(0) @Max(4294967295L) Long tcpSeq) implements TelemetryEvent {

    /** A flow without the SYN's sequence number, as most routers report it. */
    public FlowEvent(String mac, String protocol, String dstIp, Integer dstPort, long bytesOut, long bytesIn,
            long packetsOut, long packetsIn, Instant start, Long durationMs) {
        this(mac, protocol, dstIp, dstPort, bytesOut, bytesIn, packetsOut, packetsIn, start, durationMs, null);
    }
}
