package io.homeshield.telemetry.flowexport;

import io.homeshield.net.MacAddress;
import io.homeshield.wire.FlowEvent;

/** Writes an exported flow as the flow event a router would have posted itself. */
final class FlowEvents {

    private FlowEvents() {
    }

    /** The event for a flow from the device; null for protocols the wire format has no name for. */
    static FlowEvent from(MacAddress device, FlowRecord flow) {
        String protocol = protocol(flow);
        if (protocol == null) {
            return null;
        }
        Integer port = "icmp".equals(protocol) ? null : flow.destinationPort();
        long durationMs = flow.end().toEpochMilli() - flow.start().toEpochMilli();
        return new FlowEvent(device.value(), protocol, flow.destination().value(), port, flow.octets(), 0,
                flow.packets(), 0, flow.start(), durationMs, null);
    }

    /**
     * The inbound event for a connection the remote host opened to the device ({@code request}, remote to device),
     * with the device's answer ({@code answer}, device to remote) when the exporter sent it alongside; counts are the
     * device's, as on every flow event: what it received is in, what it answered is out.
     */
    static FlowEvent inbound(MacAddress device, FlowRecord request, FlowRecord answer) {
        long start = request.start().toEpochMilli();
        long end = request.end().toEpochMilli();
        if (answer != null) {
            start = Math.min(start, answer.start().toEpochMilli());
            end = Math.max(end, answer.end().toEpochMilli());
        }
        return FlowEvent.inbound(device.value(), protocol(request), request.source().value(), request.sourcePort(),
                request.destination().value(), request.destinationPort(), answer == null ? 0 : answer.octets(),
                request.octets(), answer == null ? 0 : answer.packets(), request.packets(),
                java.time.Instant.ofEpochMilli(start), end - start);
    }

    private static String protocol(FlowRecord flow) {
        return switch (flow.protocol()) {
            case FlowRecord.TCP -> "tcp";
            case FlowRecord.UDP -> "udp";
            case FlowRecord.ICMP, FlowRecord.ICMPV6 -> "icmp";
            default -> null;
        };
    }
}
