package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.wire.FlowEvent;

class DnsBypassDetectorTest {

    private static final double HOUR = 3600;

    private final DnsBypassDetector detector = new DnsBypassDetector();
    private final Traffic device = Traffic.of(UUID.randomUUID());

    @Test
    void aDeviceThatUsedTheRouterAndNowAsksAnOutsideResolverIsFlagged() {
        device.lookup(0, "weather.example.com", "NOERROR").sendTo(detector);
        List<Finding> findings = queries(13 * HOUR, "1.1.1.1", 53, 3);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(AlertType.DNS_BYPASS, f.type());
        assertEquals("resolver:1.1.1.1", f.dedupKey());
        assertEquals(3, f.evidence().get("queries"));
    }

    @Test
    void resolversUsedWhileLearningAreTheDevicesNormal() {
        queries(60, "8.8.8.8", 53, 5);
        assertTrue(queries(20 * HOUR, "8.8.8.8", 53, 50).isEmpty());
        assertEquals(1, queries(21 * HOUR, "9.9.9.9", 853, 3).size(), "a new one still counts");
    }

    @Test
    void aSingleProbeTheRouterItselfAndDevicesUsingAnyResolverAreNot() {
        device.lookup(0, "weather.example.com", "NOERROR").sendTo(detector);
        assertTrue(queries(13 * HOUR, "1.1.1.1", 53, 2).isEmpty());
        assertTrue(queries(14 * HOUR, "192.168.1.1", 53, 30).isEmpty());
        Traffic tester = Traffic.of(UUID.randomUUID());
        for (int i = 0; i < 5; i++) {
            tester.flow(dns(tester, 60 + i, "198.51.100." + (i + 1), 53));
        }
        tester.sendTo(detector);
        for (int i = 0; i < 5; i++) {
            tester.flow(dns(tester, 13 * HOUR + i, "203.0.113.53", 53));
        }
        assertTrue(tester.sendTo(detector).isEmpty());
    }

    private List<Finding> queries(double from, String resolver, int port, int count) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            device.flow(dns(device, from + i * 20, resolver, port));
            findings.addAll(device.sendTo(detector));
        }
        return findings;
    }

    private static FlowEvent dns(Traffic traffic, double at, String resolver, int port) {
        return new FlowEvent(traffic.mac(), port == 853 ? "tcp" : "udp", resolver, port, 80, 160, 1, 1, Traffic.at(at),
                30L);
    }
}
