package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.TelemetryEvent;

class DetectionEngineTest {

    @Test
    void eachDeviceIsInspectedOnceWithAllItsEventsWhateverTheMacSpelling() {
        List<DeviceActivity> seen = new ArrayList<>();
        DestinationPopularity popularity = new DestinationPopularity();
        DetectionEngine engine = new DetectionEngine(List.of((activity, findings) -> seen.add(activity)), popularity);
        Instant t = Traffic.T0;
        List<TelemetryEvent> batch = List.of(
                new FlowEvent("44:19:b6:4f:2a:01", "tcp", "203.0.113.7", 443, 1, 1, 1, 1, t, 1L),
                new DnsEvent("44-19-B6-4F-2A-01", "example.com", "A", "NOERROR", List.of(), t),
                new FlowEvent("3C:22:FB:00:00:01", "tcp", "192.168.1.1", 53, 1, 1, 1, 1, t, 1L));
        engine.inspect(UUID.randomUUID(), batch, t);
        assertEquals(2, seen.size());
        DeviceActivity camera = seen.stream().filter(a -> a.device().equals(Traffic.CAMERA)).findFirst().orElseThrow();
        assertEquals(1, camera.flows().size());
        assertEquals(1, camera.lookups().size());
        assertEquals(1, popularity.households(AddressBits.network("203.0.113.7")), "internet destinations are counted");
        assertEquals(0, popularity.households(AddressBits.network("192.168.1.1")), "the router is not");
    }
}
