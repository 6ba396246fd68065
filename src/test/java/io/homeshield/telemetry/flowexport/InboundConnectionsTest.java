package io.homeshield.telemetry.flowexport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.homeshield.net.IpAddress;
import io.homeshield.net.MacAddress;
import io.homeshield.wire.FlowEvent;

class InboundConnectionsTest {

    private static final IpAddress DEVICE = IpAddress.of("192.168.1.20");
    private static final IpAddress REMOTE = IpAddress.of("198.51.100.23");
    private static final Instant AT = Instant.parse("2026-11-22T10:15:00Z");

    @Test
    void aRemoteHostTalkingToTheDevicesServicePortOpenedTheConnection() {
        assertTrue(InboundConnections.opensService(towardsDevice(FlowRecord.TCP, 51_234, 22, 16)));
        assertTrue(InboundConnections.opensService(towardsDevice(FlowRecord.TCP, 61_000, 3389, 11)));
        assertTrue(InboundConnections.opensService(towardsDevice(FlowRecord.TCP, 40_112, 5001, 9)));
    }

    @Test
    void answersToTheDevicesOwnConnectionsAreNot() {
        // a server's answer: its service port to the device's ephemeral one
        assertFalse(InboundConnections.opensService(towardsDevice(FlowRecord.TCP, 443, 51_234, 40)));
        // a peer on a high port answering the device's ephemeral port
        assertFalse(InboundConnections.opensService(towardsDevice(FlowRecord.TCP, 51_413, 40_000, 40)));
        // a reset or a lone SYN-ACK from a host the device scanned from a low port carries no conversation
        assertFalse(InboundConnections.opensService(towardsDevice(FlowRecord.TCP, 37_215, 1_100, 1)));
        assertFalse(InboundConnections.opensService(towardsDevice(FlowRecord.TCP, 37_215, 1_100, 2)));
        // only TCP is judged
        assertFalse(InboundConnections.opensService(towardsDevice(FlowRecord.UDP, 51_234, 27_015, 30)));
    }

    @Test
    void theInboundEventCarriesTheRemoteSideAndTheDevicesCounts() {
        FlowRecord request = towardsDevice(FlowRecord.TCP, 51_234, 22, 16);
        FlowRecord answer = new FlowRecord(DEVICE, REMOTE, FlowRecord.TCP, 22, 51_234, 2_400, 14, AT.plusMillis(1),
                AT.plusMillis(3_500), 0x1b);
        assertEquals(InboundConnections.Ends.ofInbound(request), InboundConnections.Ends.ofDeviceSide(answer));

        FlowEvent event = FlowEvents.inbound(MacAddress.of("00:11:32:AA:BB:CC"), request, answer);
        assertTrue(event.isInbound());
        assertEquals("198.51.100.23", event.srcIp());
        assertEquals(51_234, event.srcPort());
        assertEquals("192.168.1.20", event.dstIp());
        assertEquals(22, event.dstPort());
        assertEquals(2_100, event.bytesIn());
        assertEquals(16, event.packetsIn());
        assertEquals(2_400, event.bytesOut());
        assertEquals(14, event.packetsOut());
        assertEquals(AT, event.start());
        assertEquals(3_500L, event.durationMs());

        FlowEvent alone = FlowEvents.inbound(MacAddress.of("00:11:32:AA:BB:CC"), request, null);
        assertEquals(0, alone.bytesOut());
        assertEquals(3_200L, alone.durationMs());
    }

    private static FlowRecord towardsDevice(int protocol, int remotePort, int devicePort, long packets) {
        return new FlowRecord(REMOTE, DEVICE, protocol, remotePort, devicePort, 2_100, packets, AT,
                AT.plusMillis(3_200), 0x1b);
    }
}
