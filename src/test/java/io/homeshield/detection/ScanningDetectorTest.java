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

class ScanningDetectorTest {

    private final ScanningDetector detector = new ScanningDetector(Thresholds.defaults());
    private final Traffic camera = Traffic.of(UUID.randomUUID());

    @Test
    void twentyTelnetTargetsWithinAMinuteAreAScan() {
        for (int i = 0; i < 20; i++) {
            camera.tcp(i * 1.5, "198.51." + (i * 7) + "." + (i + 1), i % 10 == 0 ? 2323 : 23);
        }
        List<Finding> findings = camera.sendTo(detector);
        assertEquals(1, findings.size());
        Finding scan = findings.get(0);
        assertEquals(AlertType.SCANNING, scan.type());
        assertEquals("scan:telnet", scan.dedupKey());
        assertEquals(20, scan.evidence().get("distinctTargets"));
        assertEquals("[23, 2323]", scan.evidence().get("ports"));
        assertEquals("not seen", scan.evidence().get("miraiFingerprint"));
        assertEquals(Traffic.at(0), scan.firstSeen());
    }

    @Test
    void nineteenTargetsOrTwentySpreadOverTenMinutesAreNot() {
        for (int i = 0; i < 19; i++) {
            camera.tcp(i, "198.51.100." + (i + 1), 23);
        }
        assertTrue(camera.sendTo(detector).isEmpty());
        Traffic slow = Traffic.of(UUID.randomUUID());
        for (int i = 0; i < 20; i++) {
            slow.tcp(i * 30, "203.0.113." + (i + 1), 22);
        }
        assertTrue(slow.sendTo(detector).isEmpty());
    }

    @Test
    void targetsAcrossBatchesCountTogetherAndOneScanIsReportedOnce() {
        List<Finding> findings = new ArrayList<>();
        for (int batch = 0; batch < 60; batch++) {
            for (int i = 0; i < 5; i++) {
                camera.tcp(batch * 5 + i, "198.51." + batch + "." + (i + 1), 7547);
            }
            findings.addAll(camera.sendTo(detector));
        }
        assertEquals(1, findings.size(), "one finding per ten minutes of scanning");
        assertEquals("scan:tr-069", findings.get(0).dedupKey());
    }

    @Test
    void twoSynsCarryingTheirTargetAddressAsSequenceNumberAreMirai() {
        camera.syn(0, "203.0.113.7", 23, 3405803783L).syn(0.2, "203.0.113.8", 23, 3405803784L);
        List<Finding> findings = camera.sendTo(detector);
        assertEquals(1, findings.size());
        assertTrue(((String) findings.get(0).evidence().get("miraiFingerprint")).startsWith("2 connections"));
    }

    @Test
    void ordinarySequenceNumbersAndAnsweredConnectionsOnOtherPortsAreNotScans() {
        camera.syn(0, "203.0.113.7", 23, 12345L).syn(0.2, "203.0.113.8", 23, 3405803783L);
        for (int i = 0; i < 40; i++) {
            camera.tcp(i, "198.51.100." + (i + 1), 443);
        }
        assertTrue(camera.sendTo(detector).isEmpty());
    }

    @Test
    void telnetToManyAddressesOfTheHomeNetworkIsLateralMovement() {
        for (int i = 0; i < 40; i++) {
            camera.tcp(i, "192.168.1." + (i + 2), 23);
        }
        List<Finding> findings = camera.sendTo(detector);
        assertEquals(1, findings.size());
        assertEquals("scan:lan", findings.get(0).dedupKey());
        assertEquals("[23]", findings.get(0).evidence().get("ports"));
    }

    @Test
    void aPingSweepOfTheHomeNetworkIsLateralMovement() {
        for (int host = 2; host < 40; host++) {
            camera.flow(new FlowEvent(camera.mac(), "icmp", "192.168.1." + host, null, 84, 0, 1, 0,
                    Traffic.at(host * 0.5), 0L));
        }
        List<Finding> findings = camera.sendTo(detector);
        assertEquals(1, findings.size());
        assertEquals("scan:lan", findings.get(0).dedupKey());
        assertEquals("ping (ICMP echo)", findings.get(0).evidence().get("service"));
    }

    @Test
    void talkingToAFewHomeDevicesIsNot() {
        for (int i = 0; i < 60; i++) {
            camera.tcp(i, "192.168.1." + (2 + i % 5), 8009);
            camera.flow(new FlowEvent(camera.mac(), "icmp", "192.168.1.1", null, 84, 84, 1, 1, Traffic.at(i), 0L));
        }
        assertTrue(camera.sendTo(detector).isEmpty());
    }

    @Test
    void unansweredConnectionsToManyInternetHostsOnAnyPortAreAScan() {
        for (int i = 0; i < 25; i++) {
            camera.flow(new FlowEvent(camera.mac(), "tcp", "198.18." + i + ".9", 9530, 60, 0, 1, 0,
                    Traffic.at(i), 0L));
        }
        List<Finding> findings = camera.sendTo(detector);
        assertEquals(1, findings.size());
        assertEquals("scan:port-9530", findings.get(0).dedupKey());
    }

    @Test
    void answeredConnectionsToManyWebServersAreBrowsing() {
        for (int i = 0; i < 40; i++) {
            camera.flow(new FlowEvent(camera.mac(), "tcp", "198.18." + i + ".9", 443, 900, 40_000, 12, 40,
                    Traffic.at(i), 900L));
        }
        assertTrue(camera.sendTo(detector).isEmpty());
    }

    @Test
    void browsingReportedByAFlowExporterWithoutTheAnswersIsNotAScan() {
        // One record per direction; only the device's side reaches detection. The data it sent shows the answer.
        for (int i = 0; i < 40; i++) {
            camera.flow(new FlowEvent(camera.mac(), "tcp", "198.18." + i + ".9", 443, 2_400, 0, 14, 0,
                    Traffic.at(i), 900L));
        }
        assertTrue(camera.sendTo(detector).isEmpty());
        for (int i = 0; i < 25; i++) {
            camera.flow(new FlowEvent(camera.mac(), "tcp", "198.19." + i + ".9", 8443, 180, 0, 3, 0,
                    Traffic.at(60 + i), 3_000L));
        }
        assertEquals(1, camera.sendTo(detector).size(), "three SYNs without an answer are still unanswered");
    }

    @Test
    void manyUnansweredPortsOfOneHostAreAVerticalScan() {
        for (int port = 1000; port < 1030; port++) {
            camera.flow(new FlowEvent(camera.mac(), "tcp", "203.0.113.77", port, 60, 54, 1, 1,
                    Traffic.at((port - 1000) * 0.2), 0L));
        }
        List<Finding> findings = camera.sendTo(detector);
        assertEquals(1, findings.size());
        assertEquals("scan:ports:203.0.113.77", findings.get(0).dedupKey());
    }
}
