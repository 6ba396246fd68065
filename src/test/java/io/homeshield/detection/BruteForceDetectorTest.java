package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.telemetry.wire.FlowEvent;

class BruteForceDetectorTest {

    private final BruteForceDetector detector = new BruteForceDetector();
    private final Traffic device = Traffic.of(UUID.randomUUID());

    @Test
    void twelveShortSshConnectionsToOneHostWithinAMinuteAreGuessing() {
        for (int i = 0; i < 12; i++) {
            device.tcp(i * 3, "203.0.113.50", 22);
        }
        List<Finding> findings = device.sendTo(detector);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(AlertType.BRUTE_FORCE, f.type());
        assertEquals("ssh:203.0.113.50", f.dedupKey());
        assertEquals("SSH (port 22)", f.evidence().get("service"));
        assertEquals(Traffic.at(0), f.firstSeen());
        assertEquals(Traffic.at(33), f.lastSeen());
    }

    @Test
    void telnetAttemptsSpreadOverBatchesCountToo() {
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            findings.addAll(device.tcp(i * 2, "198.51.100.9", 2323).sendTo(detector));
        }
        assertEquals(1, findings.size());
        assertEquals("telnet:198.51.100.9", findings.get(0).dedupKey());
    }

    @Test
    void fewerAttemptsSlowerAttemptsLongSessionsOrManyHostsAreNot() {
        for (int i = 0; i < 11; i++) {
            device.tcp(i, "203.0.113.50", 22);
        }
        for (int i = 0; i < 20; i++) {
            device.tcp(i * 10, "203.0.113.51", 22);
            device.tcp(i, "203.0.113." + (100 + i), 22);
            device.flow(new FlowEvent(device.mac(), "tcp", "203.0.113.52", 22, 90_000, 400_000, 300, 400,
                    Instant.parse("2026-11-22T10:00:00Z").plusSeconds(i), 45_000L));
        }
        assertTrue(device.sendTo(detector).isEmpty());
    }
}
