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

class BeaconingDetectorTest {

    private final DestinationPopularity popularity = new DestinationPopularity();
    private final BeaconingDetector detector = new BeaconingDetector(popularity);
    private final Traffic camera = Traffic.of(UUID.randomUUID());

    @Test
    void checkingInWithARareServerEveryFiveSecondsIsABeacon() {
        List<Finding> findings = contacts("203.0.113.66", 12, new double[] { 5.0, 5.2, 4.9, 5.1 });
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(AlertType.C2_BEACONING, f.type());
        assertEquals("beacon:203.0.113.66:443/tcp", f.dedupKey());
        assertEquals(9, f.evidence().get("contacts"), "reported as soon as eight intervals are steady");
        assertEquals("every 5.1 s", f.evidence().get("interval"));
        assertEquals(Traffic.at(0), f.firstSeen());
    }

    @Test
    void aKeepaliveToAServerManyHouseholdsUseIsNot() {
        for (int household = 0; household < 10; household++) {
            popularity.record(AddressBits.network("52.28.1.1"), DestinationPopularity.routerBit(UUID.randomUUID()),
                    Traffic.T0.toEpochMilli());
        }
        assertTrue(contacts("52.28.1.1", 20, new double[] { 30 }).isEmpty());
    }

    @Test
    void irregularContactsOrTooFewAreNot() {
        Random random = new Random(7);
        double[] irregular = new double[20];
        for (int i = 0; i < irregular.length; i++) {
            irregular[i] = 2 + random.nextDouble() * 20;
        }
        assertTrue(contacts("203.0.113.67", 20, irregular).isEmpty());
        assertTrue(contacts("203.0.113.68", 8, new double[] { 5 }).isEmpty());
    }

    @Test
    void parallelConnectionsWithinASecondAreOneContact() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            camera.tcp(i * 10, "198.51.100.77", 8443).tcp(i * 10 + 0.3, "198.51.100.77", 8443);
            findings.addAll(camera.sendTo(detector));
        }
        assertEquals(1, findings.size());
        assertEquals(9, findings.get(0).evidence().get("contacts"), "nine contacts, eight steady intervals");
    }

    @Test
    void recordsOfOneLongLivedConnectionAreNotCheckIns() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            camera.flow(new io.homeshield.telemetry.wire.FlowEvent(camera.mac(), "tcp", "198.51.100.90", 1194, 9_000, 12_000,
                    40, 50, Traffic.at(i * 60), 60_000L));
            findings.addAll(camera.sendTo(detector));
        }
        assertTrue(findings.isEmpty());
    }

    private List<Finding> contacts(String ip, int count, double[] gaps) {
        List<Finding> findings = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < count; i++) {
            camera.tcp(t, ip, 443);
            findings.addAll(camera.sendTo(detector));
            t += gaps[i % gaps.length];
        }
        return findings;
    }
}
