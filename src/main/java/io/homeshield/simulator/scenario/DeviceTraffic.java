package io.homeshield.simulator.scenario;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.TelemetryEvent;

/** Writes one device's lookups and connections as its router reports them. */
final class DeviceTraffic {

    private final String mac;
    private final Collection<TelemetryEvent> pending;

    DeviceTraffic(String mac, Collection<TelemetryEvent> pending) {
        this.mac = mac;
        this.pending = pending;
    }

    String mac() {
        return mac;
    }

    void lookup(long at, String name, String rcode, List<String> answers) {
        pending.add(new DnsEvent(mac, name, "A", rcode, answers, Instant.ofEpochMilli(at)));
    }

    /** A lookup through the router answered with one address; returns the address. */
    String resolve(long at, String name, String address) {
        lookup(at, name, "NOERROR", List.of(address));
        return address;
    }

    void tcp(long at, String ip, int port, long bytesOut, long bytesIn, long durationMs) {
        // TCP acknowledges about every second segment: data one way means packets both ways.
        long out = packets(bytesOut);
        long in = packets(bytesIn);
        pending.add(new FlowEvent(mac, "tcp", ip, port, bytesOut, bytesIn, Math.max(out, in / 2), Math.max(in, out / 2),
                Instant.ofEpochMilli(at), durationMs));
    }

    void udp(long at, String ip, int port, long bytesOut, long bytesIn, long packetsOut, long packetsIn,
            long durationMs) {
        pending.add(new FlowEvent(mac, "udp", ip, port, bytesOut, bytesIn, packetsOut, packetsIn,
                Instant.ofEpochMilli(at), durationMs));
    }

    /** A connection attempt nobody answered: one SYN, with its sequence number when the router reports it. */
    void syn(long at, String ip, int port, Long sequence) {
        pending.add(new FlowEvent(mac, "tcp", ip, port, 60, 0, 1, 0, Instant.ofEpochMilli(at), 0L, sequence));
    }

    private static long packets(long bytes) {
        return Math.max(1, bytes / 1200);
    }
}
