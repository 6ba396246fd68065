package io.homeshield.telemetry.flowexport;

import io.homeshield.net.MacAddress;
import io.homeshield.telemetry.wire.FlowEvent;

/** Writes an exported flow as the flow event a router would have posted itself. */
final class FlowEvents {

    private FlowEvents() {
    }

    /** The event for a flow from the device; null for protocols the wire format has no name for. */
    static FlowEvent from(MacAddress device, FlowRecord flow) {
        String protocol = switch (flow.protocol()) {
            case FlowRecord.TCP -> "tcp";
            case FlowRecord.UDP -> "udp";
            case FlowRecord.ICMP, FlowRecord.ICMPV6 -> "icmp";
            default -> null;
        };
        if (protocol == null) {
            return null;
        }
        Integer port = "icmp".equals(protocol) ? null : flow.destinationPort();
        long durationMs = flow.end().toEpochMilli() - flow.start().toEpochMilli();
        return new FlowEvent(device.value(), protocol, flow.destination().value(), port, flow.octets(), 0,
                flow.packets(), 0, flow.start(), durationMs, null);
    }
}
