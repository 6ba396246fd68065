package io.homeshield.telemetry.flowexport;

import java.time.Instant;

import io.homeshield.net.IpAddress;

/** One flow as an exporter reported it, decoded from a data record. */
record FlowRecord(IpAddress source, IpAddress destination, int protocol, Integer sourcePort, Integer destinationPort,
        long octets, long packets, Instant start, Instant end, int tcpFlags) {

    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMP = 1;
    static final int ICMPV6 = 58;
}
