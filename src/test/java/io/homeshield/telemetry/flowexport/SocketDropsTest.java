package io.homeshield.telemetry.flowexport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** What the kernel dropped for the collector's socket, read from Linux's UDP socket table. */
class SocketDropsTest {

    private static final List<String> UDP = List.of(
            "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout"
                    + " inode ref pointer drops",
            "  123: 00000000:1283 00000000:0000 07 00000000:00400000 00:00000000 00000000     0        0"
                    + " 51234 2 0000000000000000 3187",
            "  456: 0100007F:0035 00000000:0000 07 00000000:00000000 00:00000000 00000000   101        0"
                    + " 40001 2 0000000000000000 0",
            "  789: 0114007F:9C41 0100007F:1283 01 00000000:00000000 00:00000000 00000000     0        0"
                    + " 51300 2 0000000000000000 12");

    @Test
    void theDropsOfTheSocketOnThePortAreRead() {
        assertEquals(OptionalLong.of(3187), SocketDrops.inTable(4739, UDP), "port 4739 is 0x1283");
    }

    @Test
    void aSocketOnAnotherPortIsNotCounted() {
        assertEquals(OptionalLong.of(12), SocketDrops.inTable(0x9C41, UDP));
        assertTrue(SocketDrops.inTable(4740, UDP).isEmpty());
        assertTrue(SocketDrops.inTable(4739, List.of()).isEmpty());
    }
}
