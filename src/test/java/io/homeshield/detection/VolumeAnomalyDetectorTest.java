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

class VolumeAnomalyDetectorTest {

    private static final String POPULAR_CLOUD = "142.250.74.110";
    private static final double HOUR = 3600;

    private final DestinationPopularity popularity = new DestinationPopularity();
    private final VolumeAnomalyDetector detector = new VolumeAnomalyDetector(popularity);
    private final Traffic nas = Traffic.of(UUID.randomUUID());

    VolumeAnomalyDetectorTest() {
        for (int household = 0; household < 20; household++) {
            popularity.record(AddressBits.network(POPULAR_CLOUD), DestinationPopularity.routerBit(UUID.randomUUID()),
                    Traffic.T0.toEpochMilli());
        }
    }

    @Test
    void sixtyMegabytesInAMinuteToARareServerIsASpikeFlaggedAtThirty() {
        learnOrdinaryDay();
        List<Finding> findings = upload(8 * HOUR, "203.0.113.99", 6, 10_000_000);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(AlertType.UPLOAD_SPIKE, f.type());
        assertEquals("upload:203.0.113.99", f.dedupKey());
        assertEquals("30 MB", f.evidence().get("uploaded"), "flagged as the upload passes the floor");
    }

    @Test
    void aBackupToAPopularCloudIsNot() {
        learnOrdinaryDay();
        assertTrue(upload(8 * HOUR, POPULAR_CLOUD, 60, 50_000_000).isEmpty());
    }

    @Test
    void aNewDeviceNeedsFourTimesTheFloor() {
        assertTrue(upload(0, "203.0.113.99", 6, 10_000_000).isEmpty());
        assertEquals(1, upload(120, "203.0.113.98", 6, 25_000_000).size());
    }

    @Test
    void unansweredPacketsByTheTensOfThousandsAreAFlood() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            nas.flow(new FlowEvent(nas.mac(), "udp", POPULAR_CLOUD, 80, 6_000_000, 0, 10_000, 0, Traffic.at(i * 5),
                    5_000L));
            findings.addAll(nas.sendTo(detector));
        }
        assertEquals(1, findings.size());
        assertEquals(AlertType.TRAFFIC_FLOOD, findings.get(0).type());
        assertEquals("flood:" + POPULAR_CLOUD, findings.get(0).dedupKey());
    }

    @Test
    void aFastUploadThatIsAnsweredIsNoFlood() {
        for (int i = 0; i < 6; i++) {
            nas.flow(new FlowEvent(nas.mac(), "tcp", POPULAR_CLOUD, 443, 60_000_000, 1_500_000, 40_000, 20_000,
                    Traffic.at(i * 5), 5_000L));
        }
        assertTrue(nas.sendTo(detector).isEmpty());
    }

    /** Six hours of small uploads to a rare server (a mail server, say). */
    private void learnOrdinaryDay() {
        for (double t = 0; t < 7 * HOUR; t += 300) {
            nas.flow(new FlowEvent(nas.mac(), "tcp", "198.51.100.25", 993, 200_000, 30_000, 200, 100, Traffic.at(t),
                    2_000L));
            nas.sendTo(detector);
        }
    }

    private List<Finding> upload(double from, String ip, int chunks, long bytesPerChunk) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            nas.flow(new FlowEvent(nas.mac(), "tcp", ip, 443, bytesPerChunk, bytesPerChunk / 50, bytesPerChunk / 1400,
                    bytesPerChunk / 2800, Traffic.at(from + i * 9), 9_000L));
            findings.addAll(nas.sendTo(detector));
        }
        return findings;
    }
}
