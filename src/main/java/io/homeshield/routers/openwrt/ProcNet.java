package io.homeshield.routers.openwrt;

import java.util.ArrayList;
import java.util.List;

/**
 * The listening sockets of a {@code /proc/net/tcp|tcp6|udp|udp6} table: TCP in state 0A (LISTEN), UDP
 * sockets bound with no remote end (state 07). Addresses are the kernel's hex in host byte order.
 */
final class ProcNet {

    private static final String TCP_LISTEN = "0A";
    private static final String UDP_UNCONNECTED = "07";

    private ProcNet() {
    }

    static List<String> listening(String table, String text) {
        List<String> out = new ArrayList<>();
        boolean tcp = table.startsWith("tcp");
        for (String line : text.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length < 4 || !fields[0].endsWith(":")) {
                continue;
            }
            String state = fields[3];
            if (tcp ? !TCP_LISTEN.equals(state) : !UDP_UNCONNECTED.equals(state)) {
                continue;
            }
            out.add(table + " " + address(fields[1]));
        }
        return out;
    }

    /** {@code 0100007F:0016} is 127.0.0.1:22; IPv6 addresses are shown as the kernel writes them. */
    static String address(String hex) {
        int colon = hex.indexOf(':');
        String host = hex.substring(0, colon);
        int port = Integer.parseInt(hex.substring(colon + 1), 16);
        if (host.length() != 8) {
            return "[" + host + "]:" + port;
        }
        long value = Long.parseLong(host, 16);
        return (value & 0xff) + "." + (value >> 8 & 0xff) + "." + (value >> 16 & 0xff) + "." + (value >> 24 & 0xff)
                + ":"
                + port;
    }
}
