package io.homeshield.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.net.MacAddress;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.TelemetryEvent;

class ActivityRollupTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:15:00Z");
    private static final String NAS = "00:11:32:A7:6E:15";

    @Test
    void aConnectionIntoTheDevicesForwardedServiceIsItsTrafficButNoDestination() {
        Router router = new Router(new HouseholdId(UUID.randomUUID()), "SN-ROLLUP", "HS-Box 7", "1.0",
                ManagementChannel.SIMULATED, null, AT);
        Device nas = new Device(router, MacAddress.of(NAS), AT);
        nas.id = UUID.randomUUID();
        List<TelemetryEvent> events = List.of(
                FlowEvent.inbound(NAS, "tcp", "198.51.100.7", 51234, "192.168.1.50", 5001, 900, 4_000, 8, 9, AT,
                        1_200L),
                new FlowEvent(NAS, "tcp", "3.125.104.203", 443, 50_000, 2_000, 40, 20, AT, 3_000L));

        ActivityRollup rollup = ActivityRollup.of(UUID.randomUUID(), events, Map.of(MacAddress.of(NAS), nas), AT,
                new AddressNames());

        assertEquals(1, rollup.activity().size());
        assertEquals(2, rollup.activity().get(0).flows(), "both connections are the device's traffic");
        assertEquals(50_900, rollup.activity().get(0).bytesOut());
        assertEquals(List.of("3.125.104.203"), rollup.destinations().stream().map(d -> d.destination()).toList(),
                "only where the device itself went");
    }
}
