package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeshield.wire.FlowEvent;

class FlowDestinationsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void readsEachDestinationAsTheAddressBitsWould() {
        String[] addresses = { "203.0.113.7", "10.1.2.3", "192.168.1.1", "100.64.0.1", "8.8.8.8", "2001:db8:1:2::1",
                "fe80::1", "2001:4860:4860::8888", "::1" };
        List<FlowEvent> flows = new ArrayList<>();
        for (String address : addresses) {
            flows.add(new FlowEvent("3C:84:6A:12:34:56", "tcp", address, 443, 100, 100, 1, 1, T0, 10L));
        }
        FlowDestinations destinations = new FlowDestinations(flows);
        for (int i = 0; i < addresses.length; i++) {
            String address = addresses[i];
            assertEquals(AddressBits.key(address), destinations.key(i), address);
            assertEquals(AddressBits.isExternal(address), destinations.isExternal(i), address);
            assertEquals(AddressBits.ipv4(address), destinations.ipv4(i), address);
            if (AddressBits.isExternal(address)) {
                assertEquals(AddressBits.network(address), destinations.network(i), address);
            }
        }
    }

    @Test
    void coversFlowsAddedBeforeTheFirstQuestion() {
        List<FlowEvent> flows = new ArrayList<>();
        FlowDestinations destinations = new FlowDestinations(flows);
        flows.add(new FlowEvent("3C:84:6A:12:34:56", "udp", "198.51.100.9", 53, 60, 120, 1, 1, T0, 5L));
        assertEquals(AddressBits.ipv4("198.51.100.9"), destinations.key(0));
    }
}
