package io.homeshield.telemetry.flowexport;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.homeshield.net.IpAddress;
import io.homeshield.net.MacAddress;

/**
 * Writes a libpcap capture of whole connections of one LAN device, as a router's LAN bridge sees
 * them: for TCP the SYN, the answer (SYN-ACK, a reset, or nothing), data both ways and the closing
 * FIN; UDP datagrams both ways; ICMP echo requests and replies. Only headers are stored; each
 * packet's IP length says how big it was (up to 64 kB, as segmentation offload shows), so a
 * capture of hours of streaming stays small.
 */
final class FlowCapture {

    static final int TCP = 6;
    static final int UDP = 17;
    static final int ICMP = 1;
    private static final int MAX_PACKET = 65_000;
    private static final int SYN = 0x02;
    private static final int RST = 0x04;
    private static final int ACK = 0x10;
    private static final int FIN = 0x01;
    private static final int PSH = 0x08;

    /**
     * One connection: what the device sent and got back, over {@code durationMs}. The device opened it, or, with
     * {@code remotePort} set, the remote host opened it from that port to the device's {@code targetPort}.
     */
    record Connection(int protocol, IpAddress target, int targetPort, long bytesOut, long bytesIn, int packetsOut,
            int packetsIn, Instant start, long durationMs, Answer answer, long sequence, Integer remotePort) {

        Connection(int protocol, IpAddress target, int targetPort, long bytesOut, long bytesIn, int packetsOut,
                int packetsIn, Instant start, long durationMs, Answer answer, long sequence) {
            this(protocol, target, targetPort, bytesOut, bytesIn, packetsOut, packetsIn, start, durationMs, answer,
                    sequence, null);
        }

        Instant end() {
            return start.plusMillis(durationMs);
        }
    }

    enum Answer { NONE, RESET, ACCEPTED }

    private record Packet(long micros, byte[] frame, int wireLength) {
    }

    private final MacAddress deviceMac;
    private final IpAddress device;
    private final List<Packet> packets = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private int nextSourcePort = 32_768;
    private Instant exportedBy = Instant.MAX;
    private long idleMillis;
    private long maxLifeMillis;

    FlowCapture(MacAddress deviceMac, IpAddress device) {
        this.deviceMac = deviceMac;
        this.device = device;
    }

    /** A TCP connection the target accepted, with data both ways. */
    FlowCapture tcp(Instant start, String target, int port, long bytesOut, long bytesIn, int packetsOut, int packetsIn,
            long durationMs) {
        return add(new Connection(TCP, IpAddress.of(target), port, bytesOut, bytesIn, packetsOut, packetsIn, start,
                durationMs, Answer.ACCEPTED, 0));
    }

    /**
     * A TCP connection the remote host opened from {@code remotePort} to the device's {@code devicePort} (through a
     * port forward) and the device accepted; sizes are the device's: out is what it answered, in what it received.
     */
    FlowCapture inbound(Instant start, String remote, int remotePort, int devicePort, long bytesOut, long bytesIn,
            int packetsOut, int packetsIn, long durationMs) {
        return add(new Connection(TCP, IpAddress.of(remote), devicePort, bytesOut, bytesIn, packetsOut, packetsIn,
                start, durationMs, Answer.ACCEPTED, 0, remotePort));
    }

    /** A lone SYN, unanswered or answered by a reset; {@code sequence} as the scanner set it. */
    FlowCapture syn(Instant start, String target, int port, Answer answer, long sequence) {
        return add(new Connection(TCP, IpAddress.of(target), port, 60, answer == Answer.RESET ? 40 : 0, 1,
                answer == Answer.RESET ? 1 : 0, start, answer == Answer.RESET ? 30 : 0, answer, sequence));
    }

    FlowCapture udp(Instant start, String target, int port, long bytesOut, long bytesIn, int packetsOut, int packetsIn,
            long durationMs) {
        return add(new Connection(UDP, IpAddress.of(target), port, bytesOut, bytesIn, packetsOut, packetsIn, start,
                durationMs, packetsIn > 0 ? Answer.ACCEPTED : Answer.NONE, 0));
    }

    FlowCapture ping(Instant start, String target, boolean answered) {
        return add(new Connection(ICMP, IpAddress.of(target), 0, 84, answered ? 84 : 0, 1, answered ? 1 : 0, start,
                answered ? 2 : 0, answered ? Answer.ACCEPTED : Answer.NONE, 0));
    }

    /**
     * Leaves out connections the exporter would send after {@code by}: with idle timeout and longest life as
     * given, a connection is sent once idle or too old, at most one expiry interval later.
     */
    FlowCapture exportedBy(Instant by, long idleMillis, long maxLifeMillis, long expiryCheckMillis) {
        this.exportedBy = by.minusMillis(expiryCheckMillis);
        this.idleMillis = idleMillis;
        this.maxLifeMillis = maxLifeMillis;
        return this;
    }

    List<Connection> connections() {
        return connections;
    }

    int packets() {
        return packets.size();
    }

    Path writeTo(Path file) throws IOException {
        packets.sort(Comparator.comparingLong(Packet::micros));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65_535)
                    .putInt(1);
            out.write(header.array());
            ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            for (Packet p : packets) {
                record.clear();
                record.putInt((int) (p.micros / 1_000_000)).putInt((int) (p.micros % 1_000_000)).putInt(p.frame.length)
                        .putInt(p.wireLength);
                out.write(record.array());
                out.write(p.frame);
            }
        }
        return file;
    }

    private FlowCapture add(Connection c) {
        if (c.start().plusMillis(Math.min(c.durationMs() + idleMillis, maxLifeMillis)).isAfter(exportedBy)) {
            return this;
        }
        connections.add(c);
        if (c.remotePort() != null) {
            return addInbound(c);
        }
        int sourcePort = nextSourcePort;
        nextSourcePort = nextSourcePort == 60_999 ? 32_768 : nextSourcePort + 1;
        long startMicros = c.start().getEpochSecond() * 1_000_000 + c.start().getNano() / 1_000;
        int out = Math.max(c.packetsOut(), (int) ((c.bytesOut() + MAX_PACKET - 1) / MAX_PACKET));
        int in = c.packetsIn() == 0 ? 0 : Math.max(c.packetsIn(), (int) ((c.bytesIn() + MAX_PACKET - 1) / MAX_PACKET));
        long span = Math.max(1, c.durationMs() * 1_000);
        for (int i = 0; i < out; i++) {
            long at = startMicros + (out == 1 ? 0 : span * i / (out - 1));
            int flags = c.protocol() != TCP ? 0 : i == 0 ? SYN : i == out - 1 && out > 2 ? FIN | ACK : ACK | PSH;
            long size = share(c.bytesOut(), out, i);
            packets.add(packet(at, device, c.target(), sourcePort, c.targetPort(), flags, c.sequence(), size, true,
                    c.protocol()));
        }
        for (int i = 0; i < in; i++) {
            long at = startMicros + Math.min(span, 1_000 + (in == 1 ? 0 : span * i / in));
            int flags = c.protocol() != TCP ? 0
                    : c.answer() == Answer.RESET ? RST | ACK : i == 0 ? SYN | ACK : i == in - 1 && in > 2 ? FIN | ACK
                            : ACK | PSH;
            long size = share(c.bytesIn(), in, i);
            packets.add(packet(at, c.target(), device, c.targetPort(), sourcePort, flags, 0, size, false,
                    c.protocol()));
        }
        return this;
    }

    /**
     * The remote host's SYN, data and FIN to the device's port; the device's SYN-ACK and answers a
     * moment later each.
     */
    private FlowCapture addInbound(Connection c) {
        long startMicros = c.start().getEpochSecond() * 1_000_000 + c.start().getNano() / 1_000;
        int in = Math.max(c.packetsIn(), (int) ((c.bytesIn() + MAX_PACKET - 1) / MAX_PACKET));
        int out = Math.max(c.packetsOut(), (int) ((c.bytesOut() + MAX_PACKET - 1) / MAX_PACKET));
        long span = Math.max(1, c.durationMs() * 1_000);
        for (int i = 0; i < in; i++) {
            long at = startMicros + (in == 1 ? 0 : span * i / (in - 1));
            int flags = i == 0 ? SYN : i == in - 1 && in > 2 ? FIN | ACK : ACK | PSH;
            packets.add(packet(at, c.target(), device, c.remotePort(), c.targetPort(), flags, 0,
                    share(c.bytesIn(), in, i), false, TCP));
        }
        for (int i = 0; i < out; i++) {
            long at = startMicros + Math.min(span, 300 + (out == 1 ? 0 : span * i / out));
            int flags = i == 0 ? SYN | ACK : i == out - 1 && out > 2 ? FIN | ACK : ACK | PSH;
            packets.add(packet(at, device, c.target(), c.targetPort(), c.remotePort(), flags, 0,
                    share(c.bytesOut(), out, i), true, TCP));
        }
        return this;
    }

    private static long share(long bytes, int packets, int i) {
        long each = bytes / packets;
        return i == packets - 1 ? bytes - each * (packets - 1) : each;
    }

    /**
     * Headers only; the IP length is the packet's real size ({@code size} bytes at the IP layer, at
     * least the headers).
     */
    private Packet packet(long micros, IpAddress from, IpAddress to, int fromPort, int toPort, int flags, long sequence,
            long size, boolean outgoing, int protocol) {
        int transport = protocol == TCP ? 20 : 8;
        int ipLength = (int) Math.min(MAX_PACKET, Math.max(20 + transport, size));
        ByteBuffer frame = ByteBuffer.allocate(14 + 20 + transport);
        byte[] router = mac("02:00:00:00:00:01");
        byte[] own = mac(deviceMac.value());
        frame.put(outgoing ? router : own).put(outgoing ? own : router).putShort((short) 0x0800);
        int ipStart = frame.position();
        frame.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 0).putShort((short) 0x4000)
                .put((byte) 64).put((byte) protocol).putShort((short) 0).putInt(from.v4Bits()).putInt(to.v4Bits());
        frame.putShort(ipStart + 10, checksum(frame.array(), ipStart, 20));
        if (protocol == TCP) {
            frame.putShort((short) fromPort).putShort((short) toPort).putInt((int) sequence).putInt(0)
                    .put((byte) (5 << 4)).put((byte) flags).putShort((short) 64_240).putShort((short) 0)
                    .putShort((short) 0);
        } else if (protocol == UDP) {
            frame.putShort((short) fromPort).putShort((short) toPort).putShort((short) (ipLength - 20))
                    .putShort((short) 0);
        } else {
            frame.put((byte) (outgoing ? 8 : 0)).put((byte) 0).putShort((short) 0).putShort((short) 0x4853)
                    .putShort((short) 1);
        }
        return new Packet(micros, frame.array(), 14 + ipLength);
    }

    private static short checksum(byte[] bytes, int from, int length) {
        int sum = 0;
        for (int i = from; i < from + length; i += 2) {
            sum += ((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (short) ~sum;
    }

    private static byte[] mac(String text) {
        String[] octets = text.split(":");
        byte[] mac = new byte[6];
        for (int i = 0; i < 6; i++) {
            mac[i] = (byte) Integer.parseInt(octets[i], 16);
        }
        return mac;
    }
}
