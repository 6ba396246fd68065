package io.homeshield.intel.rpz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** A minimal DNS client over UDP: one question of type A, the answer's RCODE and its A records. */
final class DnsQuery {

    static final int NOERROR = 0;
    static final int NXDOMAIN = 3;

    record Answer(int rcode, List<String> addresses) {
    }

    private DnsQuery() {
    }

    static Answer a(int port, String name) throws IOException {
        int id = ThreadLocalRandom.current().nextInt(0x10000);
        ByteArrayOutputStream query = new ByteArrayOutputStream();
        query.write(id >> 8);
        query.write(id);
        query.write(0x01); // RD
        query.write(0x00);
        query.writeBytes(new byte[] {0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : name.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            query.write(bytes.length);
            query.writeBytes(bytes);
        }
        query.writeBytes(new byte[] {0, 0, 1, 0, 1});
        byte[] packet = query.toByteArray();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(5000);
            socket.send(new DatagramPacket(packet, packet.length,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
            byte[] buffer = new byte[4096];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            socket.receive(reply);
            return parse(buffer, reply.getLength(), id);
        }
    }

    private static Answer parse(byte[] m, int length, int id) throws IOException {
        if (length < 12 || ((m[0] & 0xff) << 8 | (m[1] & 0xff)) != id) {
            throw new IOException("not the answer to our query");
        }
        int rcode = m[3] & 0x0f;
        int questions = u16(m, 4);
        int answers = u16(m, 6);
        int at = 12;
        for (int i = 0; i < questions; i++) {
            at = skipName(m, at) + 4;
        }
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < answers; i++) {
            at = skipName(m, at);
            int type = u16(m, at);
            int rdLength = u16(m, at + 8);
            at += 10;
            if (type == 1 && rdLength == 4) {
                addresses.add((m[at] & 0xff) + "." + (m[at + 1] & 0xff) + "." + (m[at + 2] & 0xff) + "."
                        + (m[at + 3] & 0xff));
            }
            at += rdLength;
        }
        return new Answer(rcode, addresses);
    }

    private static int skipName(byte[] m, int at) {
        while (true) {
            int len = m[at] & 0xff;
            if (len == 0) {
                return at + 1;
            }
            if ((len & 0xc0) == 0xc0) {
                return at + 2;
            }
            at += len + 1;
        }
    }

    private static int u16(byte[] m, int at) {
        return (m[at] & 0xff) << 8 | (m[at + 1] & 0xff);
    }
}
