package io.homeshield.telemetry.flowexport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Datagrams the kernel dropped for a UDP socket because its receive buffer was full, before the
 * collector could read them: the {@code drops} column Linux keeps per socket in /proc/net/udp and
 * /proc/net/udp6. Empty where those files are missing (another system) or hold no socket on the port.
 */
final class SocketDrops {

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));

    private SocketDrops() {
    }

    static OptionalLong onPort(int localPort) {
        long drops = 0;
        boolean found = false;
        for (Path table : TABLES) {
            try {
                OptionalLong inTable = inTable(localPort, Files.readAllLines(table));
                if (inTable.isPresent()) {
                    drops += inTable.getAsLong();
                    found = true;
                }
            } catch (IOException e) {
                // not Linux, or no IPv6: nothing to count there
            }
        }
        return found ? OptionalLong.of(drops) : OptionalLong.empty();
    }

    /** The drops of the sockets bound to the port in one such table (its first line names the columns). */
    static OptionalLong inTable(int localPort, List<String> lines) {
        long drops = 0;
        boolean found = false;
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] fields = line.trim().split("\\s+");
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout
            // inode ref pointer drops
            if (fields.length < 13 || fields[1].indexOf(':') < 0) {
                continue;
            }
            String local = fields[1];
            if (Integer.parseInt(local.substring(local.indexOf(':') + 1), 16) == localPort) {
                drops += Long.parseLong(fields[fields.length - 1]);
                found = true;
            }
        }
        return found ? OptionalLong.of(drops) : OptionalLong.empty();
    }
}
