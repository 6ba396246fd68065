package io.homeshield.telemetry.flowexport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.time.Instant;

import io.homeshield.net.IpAddress;

/**
 * Reads data records laid out by a template. Numbers may be sent in fewer bytes than their type
 * (reduced-size encoding, RFC 7011 6.2), so every unsigned field is read at the length announced.
 */
final class DataRecords {

    static final int OCTET_DELTA_COUNT = 1;
    static final int PACKET_DELTA_COUNT = 2;
    static final int PROTOCOL_IDENTIFIER = 4;
    static final int TCP_CONTROL_BITS = 6;
    static final int SOURCE_TRANSPORT_PORT = 7;
    static final int SOURCE_IPV4_ADDRESS = 8;
    static final int DESTINATION_TRANSPORT_PORT = 11;
    static final int DESTINATION_IPV4_ADDRESS = 12;
    static final int FLOW_END_SYS_UP_TIME = 21;
    static final int FLOW_START_SYS_UP_TIME = 22;
    static final int SOURCE_IPV6_ADDRESS = 27;
    static final int DESTINATION_IPV6_ADDRESS = 28;
    static final int OCTET_TOTAL_COUNT = 85;
    static final int PACKET_TOTAL_COUNT = 86;
    static final int FLOW_START_SECONDS = 150;
    static final int FLOW_END_SECONDS = 151;
    static final int FLOW_START_MILLISECONDS = 152;
    static final int FLOW_END_MILLISECONDS = 153;
    static final int SYSTEM_INIT_TIME_MILLISECONDS = 160;

    private DataRecords() {
    }

    /** Reads one flow record; null when it names no source or destination address. */
    static FlowRecord flow(Template template, ByteBuffer in, ExportClock clock) {
        IpAddress source = null;
        IpAddress destination = null;
        int protocol = 0;
        Integer sourcePort = null;
        Integer destinationPort = null;
        long octets = -1;
        long packets = -1;
        long totalOctets = 0;
        long totalPackets = 0;
        Instant start = null;
        Instant end = null;
        int tcpFlags = 0;
        for (TemplateField field : template.fields()) {
            int length = lengthOf(field, in);
            if (!field.isIana()) {
                skip(in, length);
                continue;
            }
            switch (field.element()) {
                case SOURCE_IPV4_ADDRESS, SOURCE_IPV6_ADDRESS -> source = address(in, length);
                case DESTINATION_IPV4_ADDRESS, DESTINATION_IPV6_ADDRESS -> destination = address(in, length);
                case PROTOCOL_IDENTIFIER -> protocol = (int) unsigned(in, length);
                case SOURCE_TRANSPORT_PORT -> sourcePort = (int) unsigned(in, length);
                case DESTINATION_TRANSPORT_PORT -> destinationPort = (int) unsigned(in, length);
                case OCTET_DELTA_COUNT -> octets = unsigned(in, length);
                case PACKET_DELTA_COUNT -> packets = unsigned(in, length);
                case OCTET_TOTAL_COUNT -> totalOctets = unsigned(in, length);
                case PACKET_TOTAL_COUNT -> totalPackets = unsigned(in, length);
                case TCP_CONTROL_BITS -> tcpFlags = (int) unsigned(in, length);
                case FLOW_START_SYS_UP_TIME -> start = clock.sinceBoot(unsigned(in, length));
                case FLOW_END_SYS_UP_TIME -> end = clock.sinceBoot(unsigned(in, length));
                case FLOW_START_SECONDS -> start = Instant.ofEpochSecond(unsigned(in, length));
                case FLOW_END_SECONDS -> end = Instant.ofEpochSecond(unsigned(in, length));
                case FLOW_START_MILLISECONDS -> start = Instant.ofEpochMilli(unsigned(in, length));
                case FLOW_END_MILLISECONDS -> end = Instant.ofEpochMilli(unsigned(in, length));
                default -> skip(in, length);
            }
        }
        if (source == null || destination == null) {
            return null;
        }
        if (start == null) {
            start = end != null ? end : clock.exported();
        }
        if (end == null || end.isBefore(start)) {
            end = start;
        }
        return new FlowRecord(source, destination, protocol, sourcePort, destinationPort,
                octets >= 0 ? octets : totalOctets, packets >= 0 ? packets : totalPackets, start, end, tcpFlags);
    }

    /** Reads one options record; returns the exporter's boot time if the record carries it. */
    static long systemInitMillis(Template template, ByteBuffer in) {
        long init = ExportClock.UNKNOWN;
        for (TemplateField field : template.fields()) {
            int length = lengthOf(field, in);
            if (field.isIana() && field.element() == SYSTEM_INIT_TIME_MILLISECONDS) {
                init = unsigned(in, length);
            } else {
                skip(in, length);
            }
        }
        return init;
    }

    /** Skips one record of the template. */
    static void skipRecord(Template template, ByteBuffer in) {
        for (TemplateField field : template.fields()) {
            skip(in, lengthOf(field, in));
        }
    }

    private static int lengthOf(TemplateField field, ByteBuffer in) {
        if (!field.isVariable()) {
            return field.length();
        }
        int length = in.get() & 0xFF;
        return length < 255 ? length : in.getShort() & 0xFFFF;
    }

    private static long unsigned(ByteBuffer in, int length) {
        if (length > 8) {
            skip(in, length);
            return 0;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            value = (value << 8) | (in.get() & 0xFF);
        }
        return value;
    }

    private static IpAddress address(ByteBuffer in, int length) {
        if (length != 4 && length != 16) {
            skip(in, length);
            return null;
        }
        byte[] raw = new byte[length];
        in.get(raw);
        try {
            return IpAddress.of(InetAddress.getByAddress(raw).getHostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of 4 or 16 bytes is always valid", e);
        }
    }

    private static void skip(ByteBuffer in, int length) {
        in.position(in.position() + length);
    }
}
