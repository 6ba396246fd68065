package io.homeshield.telemetry.flowexport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import io.homeshield.net.IpAddress;
import io.homeshield.net.MacAddress;

/**
 * Writes a libpcap capture of a LAN device scanning the internet: one Ethernet/IPv4/TCP SYN per
 * target, a second apart, each with the sequence number Mirai uses (the target's address).
 */
final class ScanCapture {

    private static final int PCAP_MAGIC = 0xa1b2c3d4;
    private static final int LINKTYPE_ETHERNET = 1;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int packets;

    ScanCapture() {
        ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(PCAP_MAGIC).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65_535)
                .putInt(LINKTYPE_ETHERNET);
        out.writeBytes(header.array());
    }

    /** A SYN from the device to the target at the given time. */
    ScanCapture syn(Instant at, MacAddress deviceMac, IpAddress device, IpAddress target, int sourcePort,
            int targetPort) {
        byte[] tcp = tcpSyn(sourcePort, targetPort, target.v4Bits());
        byte[] ip = ipv4(device.v4Bits(), target.v4Bits(), tcp);
        ByteBuffer frame = ByteBuffer.allocate(14 + ip.length);
        frame.put(mac("00:11:22:33:44:55")).put(mac(deviceMac.value())).putShort((short) 0x0800).put(ip);
        ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        record.putInt((int) at.getEpochSecond()).putInt(at.getNano() / 1000).putInt(frame.capacity())
                .putInt(frame.capacity());
        out.writeBytes(record.array());
        out.writeBytes(frame.array());
        packets++;
        return this;
    }

    int packets() {
        return packets;
    }

    Path writeTo(Path file) throws IOException {
        return Files.write(file, out.toByteArray());
    }

    private static byte[] tcpSyn(int sourcePort, int targetPort, int sequence) {
        ByteBuffer tcp = ByteBuffer.allocate(20);
        tcp.putShort((short) sourcePort).putShort((short) targetPort).putInt(sequence).putInt(0)
                .put((byte) (5 << 4)).put((byte) 0x02).putShort((short) 14_600).putShort((short) 0).putShort((short) 0);
        return tcp.array();
    }

    private static byte[] ipv4(int source, int destination, byte[] payload) {
        ByteBuffer ip = ByteBuffer.allocate(20 + payload.length);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + payload.length)).putShort((short) 0)
                .putShort((short) 0x4000).put((byte) 64).put((byte) 6).putShort((short) 0).putInt(source)
                .putInt(destination);
        ip.putShort(10, checksum(ip.array(), 20));
        ip.position(20);
        ip.put(payload);
        return ip.array();
    }

    private static short checksum(byte[] bytes, int length) {
        int sum = 0;
        for (int i = 0; i < length; i += 2) {
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
