package io.homeshield.wire;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A connection of a LAN device: by default one it opened to somewhere outside; with
 * {@code direction} "inbound" one that a remote host ({@code srcIp}) opened to it, for example
 * through a port forward. Byte and packet counts are always the LAN device's: out is what it sent.
 */
@FlowDirection
@Schema(name = "FlowEvent",
        description = "type=flow: a connection of a LAN device, outbound unless direction says inbound.")
public record FlowEvent(
        @Schema(required = true, examples = "3C:84:6A:12:34:56") @NotNull @Mac String mac,
        @Schema(required = true, description = "tcp, udp or icmp", examples = "tcp",
                enumeration = { "tcp", "udp", "icmp" })
        @NotNull @Pattern(regexp = "tcp|udp|icmp", message = "must be tcp, udp or icmp") String protocol,
        @Schema(required = true, description = "Where the connection went: outbound, the remote host; inbound, the"
                + " address it reached (the device's, or the router's WAN address before the port forward).",
                examples = "203.0.113.7") @NotNull @IpLiteral String dstIp,
        @Schema(description = "Destination port (0-65535); absent for icmp. Inbound tcp and udp: required, the port"
                + " the connection reached.", examples = "23") @Min(0) @Max(65535) Integer dstPort,
        @Schema(description = "Bytes the LAN device sent.", examples = "5120") @PositiveOrZero long bytesOut,
        @Schema(description = "Bytes the LAN device received.", examples = "880") @PositiveOrZero long bytesIn,
        @Schema(examples = "12") @PositiveOrZero long packetsOut,
        @Schema(examples = "9") @PositiveOrZero long packetsIn,
        @Schema(required = true, examples = "2026-11-22T10:15:01Z") @NotNull Instant start,
        @Schema(description = "Duration in milliseconds.", examples = "2500") @PositiveOrZero Long durationMs,
        @Schema(description = "tcp only, optional: the sequence number of the connection's first SYN (0-4294967295)."
                + " Mirai-family scanners set it to the destination IPv4 address, a fingerprint worth reporting"
                + " when the router can see it.", examples = "3405803783")
        @Min(0) @Max(4294967295L) Long tcpSeq,
        @Schema(description = "Who opened the connection: outbound (the LAN device; the default when absent) or"
                + " inbound (a remote host, srcIp, opened it to the device, for example through a port forward).",
                examples = "inbound", enumeration = { "outbound", "inbound" })
        @Pattern(regexp = "outbound|inbound", message = "must be outbound or inbound") String direction,
        @Schema(description = "Inbound only, required there: the remote host that opened the connection.",
                examples = "198.51.100.23") @IpLiteral String srcIp,
        @Schema(description = "Inbound only, optional: the remote host's port (0-65535).", examples = "51234")
        @Min(0) @Max(65535) Integer srcPort) implements TelemetryEvent {

    public static final String INBOUND = "inbound";
    public static final String OUTBOUND = "outbound";

    /** A flow without the SYN's sequence number, as most routers report it. */
    public FlowEvent(String mac, String protocol, String dstIp, Integer dstPort, long bytesOut, long bytesIn,
            long packetsOut, long packetsIn, Instant start, Long durationMs) {
        this(mac, protocol, dstIp, dstPort, bytesOut, bytesIn, packetsOut, packetsIn, start, durationMs, null);
    }

    /** A connection the device opened, as routers that send no direction report it. */
    public FlowEvent(String mac, String protocol, String dstIp, Integer dstPort, long bytesOut, long bytesIn,
            long packetsOut, long packetsIn, Instant start, Long durationMs, Long tcpSeq) {
        this(mac, protocol, dstIp, dstPort, bytesOut, bytesIn, packetsOut, packetsIn, start, durationMs, tcpSeq, null,
                null, null);
    }

    /** A connection {@code srcIp} opened to the device at {@code dstIp}:{@code dstPort}; counts are the device's. */
    public static FlowEvent inbound(String mac, String protocol, String srcIp, Integer srcPort, String dstIp,
            Integer dstPort, long bytesOut, long bytesIn, long packetsOut, long packetsIn, Instant start,
            Long durationMs) {
        return new FlowEvent(mac, protocol, dstIp, dstPort, bytesOut, bytesIn, packetsOut, packetsIn, start, durationMs,
                null, INBOUND, srcIp, srcPort);
    }

    /** Whether a remote host opened the connection; absent direction means the device did. */
    @JsonIgnore
    public boolean isInbound() {
        return INBOUND.equals(direction);
    }
}
