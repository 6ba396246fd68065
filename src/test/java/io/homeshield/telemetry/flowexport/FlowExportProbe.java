package io.homeshield.telemetry.flowexport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.List;

import jakarta.enterprise.inject.spi.CDI;

import io.homeshield.net.IpAddress;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The flow collector as a test outside its package meets it: a UDP port to send export datagrams to
 * (from any loopback address, as a router on another address would), its counters, and the
 * collector's bounds exercised on a decoder of its own.
 */
public final class FlowExportProbe {

    /** srcIPv4, dstIPv4, ports, protocol, octets, packets, flow start and end (ms). */
    private static final int[] IPV4_MILLIS = { 8, 4, 12, 4, 7, 2, 11, 2, 4, 1, 1, 8, 2, 4, 152, 8, 153, 8 };

    /** One connection from a LAN address, as an exporter reports it. */
    public record Flow(String source, String destination, int destinationPort, long startMillis) {
    }

    private FlowExportProbe() {
    }

    /** Sends the datagram to the collector from {@code fromAddress} (a 127.x.y.z address). */
    public static void send(String fromAddress, byte[] datagram) {
        send(fromAddress, 0, datagram);
    }

    public static void send(String fromAddress, int fromPort, byte[] datagram) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(fromAddress),
                fromPort))) {
            socket.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An IPFIX message: a TCP flow template ({@code templateId}) and a record per flow. */
    public static byte[] ipfix(int templateId, List<Flow> flows) {
        ExportMessage message = ExportMessage.ipfix(System.currentTimeMillis() / 1000)
                .template(templateId, IPV4_MILLIS);
        if (!flows.isEmpty()) {
            message.data(templateId, flows.stream().map(FlowExportProbe::record).toArray(byte[][]::new));
        }
        return bytes(message);
    }

    /** An IPFIX message holding only data records of {@code templateId}, no template. */
    public static byte[] ipfixDataOnly(int templateId, List<Flow> flows) {
        return bytes(ExportMessage.ipfix(System.currentTimeMillis() / 1000).data(templateId,
                flows.stream().map(FlowExportProbe::record).toArray(byte[][]::new)));
    }

    /** A counter of the collector ({@code homeshield.flowexport.*}) with that outcome tag. */
    public static double count(String name, String outcome) {
        return CDI.current().select(FlowExportMetrics.class).get().count(name, outcome);
    }

    /** A counter of the collector without tags, such as {@code homeshield.flowexport.templates}. */
    public static double count(String name) {
        Counter counter = CDI.current().select(MeterRegistry.class).get().find(name).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Exporter addresses whose router, or whose absence from the registry, the collector remembers. */
    public static int rememberedAddresses() {
        return CDI.current().select(ExporterDirectory.class).get().size();
    }

    /** Template sessions a decoder keeps after one address sent a template from each of {@code ports} ports. */
    public static int sessionsKeptAfterPortFlood(int ports, int maxSessionsPerAddress) {
        FlowExportDecoder decoder = new FlowExportDecoder(100_000, 4, maxSessionsPerAddress, 256);
        byte[] template = ipfix(300, List.of());
        for (int port = 1; port <= ports; port++) {
            decoder.decode(new InetSocketAddress(literal("127.0.0.1"), port), ByteBuffer.wrap(template));
        }
        return decoder.sessionCount();
    }

    /** Templates a decoder refused when one session defined {@code ids} template ids. */
    public static int templatesRefusedAfterIdFlood(int ids, int maxTemplatesPerSession) {
        FlowExportDecoder decoder = new FlowExportDecoder(100, 4, 16, maxTemplatesPerSession);
        int refused = 0;
        for (int id = 256; id < 256 + ids; id++) {
            refused += decoder.decode(new InetSocketAddress(literal("127.0.0.1"), 4739),
                    ByteBuffer.wrap(ipfix(id, List.of()))).templatesRefused;
        }
        return refused;
    }

    /** Whether each datagram of an unregistered source, at the given times, would be named in the log. */
    public static boolean[] loggedUnknownSources(List<String> sources, long[] atMillis, long intervalMillis,
            int maxNamed, int maxRemembered) {
        UnknownSources unknown = new UnknownSources(intervalMillis, maxNamed, maxRemembered);
        boolean[] logged = new boolean[sources.size()];
        for (int i = 0; i < logged.length; i++) {
            logged[i] = unknown.seen(IpAddress.of(sources.get(i)), atMillis[i]);
        }
        return logged;
    }

    private static int port() {
        try {
            return CDI.current().select(FlowCollector.class).get().port();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] record(Flow flow) {
        ByteBuffer record = ByteBuffer.allocate(4 + 4 + 2 + 2 + 1 + 8 + 4 + 8 + 8);
        record.put(literal(flow.source()).getAddress()).put(literal(flow.destination()).getAddress())
                .putShort((short) 40_000).putShort((short) flow.destinationPort()).put((byte) 6).putLong(1200)
                .putInt(3).putLong(flow.startMillis()).putLong(flow.startMillis() + 300);
        return record.array();
    }

    private static byte[] bytes(ExportMessage message) {
        ByteBuffer buffer = message.bytes();
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    private static InetAddress literal(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
