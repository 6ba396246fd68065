package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.wire.FlowEvent;

class BruteForceDetectorTest {

    private final BruteForceDetector detector = new BruteForceDetector(Thresholds.defaults());
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
    void fewerAttemptsLongSessionsOrManyHostsAreNot() {
        for (int i = 0; i < 11; i++) {
            device.tcp(i, "203.0.113.50", 22);
        }
        for (int i = 0; i < 20; i++) {
            device.tcp(i, "203.0.113." + (100 + i), 22);
            device.flow(new FlowEvent(device.mac(), "tcp", "203.0.113.52", 22, 90_000, 400_000, 300, 400,
                    Instant.parse("2026-11-22T10:00:00Z").plusSeconds(i), 45_000L));
        }
        assertTrue(device.sendTo(detector).isEmpty());
    }
    @Test
    void slowGuessingOnANonStandardPortIsCaughtWithinAQuarterOfAnHour() {
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 45; i++) {
            device.flow(new FlowEvent(device.mac(), "tcp", "198.51.100.30", 2222, 1_900 + (i % 3) * 40, 2_300, 14, 12,
                    Traffic.at(i * 20), 2_500L));
            findings.addAll(device.sendTo(detector));
        }
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals("port-2222:198.51.100.30", f.dedupKey());
        assertEquals("port 2222", f.evidence().get("service"));
        assertTrue(f.lastSeen().isBefore(Traffic.at(15 * 60)), "caught at " + f.lastSeen());
    }

    @Test
    void slowSshGuessingNeedsHalfAsManyAttempts() {
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            findings.addAll(device.tcp(i * 10, "203.0.113.51", 22).sendTo(detector));
        }
        assertEquals(1, findings.size());
        assertEquals(Traffic.at(140), findings.get(0).lastSeen(), "the fifteenth attempt");
    }

    @Test
    void fastGuessingAtRemoteDesktopIsCaught() {
        for (int i = 0; i < 12; i++) {
            device.tcp(i * 2, "203.0.113.80", 3389);
        }
        List<Finding> findings = device.sendTo(detector);
        assertEquals(1, findings.size());
        assertEquals("rdp:203.0.113.80", findings.get(0).dedupKey());
        assertEquals("RDP (port 3389)", findings.get(0).evidence().get("service"));
    }

    @Test
    void manyShortWebConnectionsOfDifferentSizesAreNot() {
        java.util.Random random = new java.util.Random(5);
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            device.flow(new FlowEvent(device.mac(), "tcp", "203.0.113.90", 443, 600 + random.nextInt(4_000),
                    1_000 + random.nextInt(15_000), 8, 14, Traffic.at(i * 10), 1_200L));
            findings.addAll(device.sendTo(detector));
        }
        assertTrue(findings.isEmpty());
    }
}
