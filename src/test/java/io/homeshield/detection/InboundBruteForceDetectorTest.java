package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.alert.Severity;

class InboundBruteForceDetectorTest {

    private final InboundBruteForceDetector detector = new InboundBruteForceDetector(Thresholds.defaults());
    private final Traffic device = Traffic.of(UUID.randomUUID());

    @Test
    void twelveLoginAttemptsAtAForwardedSshPortWithinAMinuteAreAnAttackOnTheDevice() {
        for (int i = 0; i < 12; i++) {
            device.inbound(i * 4, "203.0.113." + (10 + i % 3), 22, 4_000);
        }
        List<Finding> findings = device.sendTo(detector);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(AlertType.INBOUND_BRUTE_FORCE, f.type());
        assertEquals(Severity.MEDIUM, f.type().severity());
        assertEquals("inbound:port-22", f.dedupKey());
        assertEquals("SSH (port 22)", f.indicator());
        assertEquals(3, f.evidence().get("sources"));
        assertEquals(List.of("203.0.113.12", "203.0.113.11", "203.0.113.10"), f.evidence().get("examples"));
        assertEquals(Traffic.at(0), f.firstSeen());
        assertEquals(Traffic.at(44), f.lastSeen());
    }

    @Test
    void aSlowCampaignFromManyHostsOnANonStandardPortIsCaughtWithinTheHour() {
        Random r = new Random(3);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            device.inbound(i * 100 + r.nextInt(60), "198.51.100." + r.nextInt(250), 2222, 4_800 + r.nextInt(300));
            findings.addAll(device.sendTo(detector));
        }
        assertTrue(!findings.isEmpty() && findings.get(0).lastSeen().isBefore(Traffic.at(3_600)), findings::toString);
        assertEquals("port 2222", findings.get(0).indicator());
        assertTrue((int) findings.get(0).evidence().get("sources") > 10);
    }

    @Test
    void attemptsCountByWhenTheyBeganWhateverOrderTheExporterSentThem() {
        List<Finding> findings = new ArrayList<>();
        // the first attempt comes last, as a flow exporter may send it: fifteen within the hour all the same
        for (int i = 1; i < 15; i++) {
            device.inbound(i * 120, "198.51.100." + i, 22, 4_500);
            findings.addAll(device.sendTo(detector));
        }
        assertEquals(List.of(), findings);
        device.inbound(0, "198.51.100.77", 22, 4_500);
        findings.addAll(device.sendTo(detector));
        assertEquals(1, findings.size());
        assertEquals(Traffic.at(0), findings.get(0).firstSeen());
        assertEquals(Traffic.at(14 * 120), findings.get(0).lastSeen());
    }

    @Test
    void visitorsOfAForwardedWebServerDifferInSizeAndRaiseNothing() {
        Random r = new Random(5);
        for (int i = 0; i < 400; i++) {
            device.inbound(i * 5, "198.51.100." + r.nextInt(250), 443, 1_000 + r.nextInt(19_000));
        }
        assertEquals(List.of(), device.sendTo(detector));
    }

    @Test
    void theHomesOwnComputersAndTheDevicesOwnConnectionsNeverCount() {
        for (int i = 0; i < 40; i++) {
            device.flow(io.homeshield.wire.FlowEvent.inbound(device.mac(), "tcp", "192.168.1.30", 50_000 + i,
                    "192.168.1.20", 22, 2_000, 2_000, 10, 10, Traffic.at(i), 1_000L));
            device.tcp(i, "203.0.113.50", 2222);
        }
        assertEquals(List.of(), device.sendTo(detector));
    }

    @Test
    void inboundAttemptsAreNeverTheDevicesOwnBruteForce() {
        BruteForceDetector outbound = new BruteForceDetector(Thresholds.defaults());
        for (int i = 0; i < 40; i++) {
            device.inbound(i * 3, "203.0.113.50", 22, 4_000);
        }
        assertEquals(List.of(), device.sendTo(outbound));
    }
}
