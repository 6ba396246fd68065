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
    private final BeaconingDetector detector = new BeaconingDetector(popularity, Thresholds.defaults(),
            new ResolverAddresses(List.of("8.8.8.8", "192.0.2.53")), 1_000);
    private final Traffic camera = Traffic.of(UUID.randomUUID());

    @Test
    void checkingInWithARareServerEveryFiveSecondsIsABeacon() {
        List<Finding> findings = contacts("203.0.113.66", 20, new double[] { 5.0, 5.2, 4.9, 5.0 });
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(AlertType.C2_BEACONING, f.type());
        assertEquals("beacon:203.0.113.66:443/tcp", f.dedupKey());
        assertEquals(9, f.evidence().get("contacts"), "a nearly exact rhythm: reported after eight intervals");
        assertEquals("every 5.0 s", f.evidence().get("interval"), "the median interval");
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
        for (int i = 0; i < 18; i++) {
            camera.tcp(i * 10, "198.51.100.77", 8443).tcp(i * 10 + 0.3, "198.51.100.77", 8443);
            findings.addAll(camera.sendTo(detector));
        }
        assertEquals(1, findings.size());
        assertEquals(9, findings.get(0).evidence().get("contacts"), "nine contacts, eight exact intervals");
    }

    @Test
    void recordsOfOneLongLivedConnectionAreNotCheckIns() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            camera.flow(new io.homeshield.wire.FlowEvent(camera.mac(), "tcp", "198.51.100.90", 1194, 9_000,
                    12_000,
                    40, 50, Traffic.at(i * 60), 60_000L));
            findings.addAll(camera.sendTo(detector));
        }
        assertTrue(findings.isEmpty());
    }

    @Test
    void checkInsWithThirtyPercentSleepJitterAreABeacon() {
        // Cobalt Strike's jitter shortens each 60 s sleep by a random 0-30%.
        Random random = new Random(11);
        double[] gaps = new double[40];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = 60 * (1 - 0.3 * random.nextDouble());
        }
        List<Finding> findings = contacts("203.0.113.70", 20, gaps);
        assertEquals(1, findings.size());
        assertEquals(17, findings.get(0).evidence().get("contacts"), "a jittered rhythm needs sixteen intervals");
    }

    @Test
    void checkInsJitteringAQuarterEitherWayAreABeacon() {
        Random random = new Random(12);
        double[] gaps = new double[40];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = 300 * (0.75 + 0.5 * random.nextDouble());
        }
        assertEquals(1, contacts("203.0.113.71", 20, gaps).size());
    }

    @Test
    void missedAndExtraCheckInsDoNotHideTheRhythm() {
        // Every 30 s, but two check-ins lost (60 s gaps) and one retried 4 s after its check-in.
        double[] gaps = { 30, 29, 60, 31, 4, 26, 30, 60, 29, 31, 30, 30, 29, 31, 30, 30, 31 };
        assertEquals(1, contacts("203.0.113.72", gaps.length + 1, gaps).size());
    }

    @Test
    void contactsAtRandomTimesAreNotABeacon() {
        Random random = new Random(13);
        for (int device = 0; device < 20; device++) {
            double[] gaps = new double[40];
            for (int i = 0; i < gaps.length; i++) {
                gaps[i] = -60 * Math.log(1 - random.nextDouble());
            }
            assertTrue(contacts("203.0.113." + (100 + device), 40, gaps).isEmpty(), "device " + device);
        }
    }

    @Test
    void dnsToAKnownResolverIsNeverABeaconButDnsToAnUnknownServerCanBe() {
        List<Finding> toResolver = new ArrayList<>();
        List<Finding> toStranger = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            for (int k = 0; k < 4; k++) {
                camera.flow(udp(i * 30 + k * 5, "8.8.8.8", 53));
            }
            toResolver.addAll(camera.sendTo(detector));
            camera.flow(udp(i * 30, "192.0.2.53", 853));
            toResolver.addAll(camera.sendTo(detector));
            camera.flow(udp(i * 30, "203.0.113.99", 53));
            toStranger.addAll(camera.sendTo(detector));
        }
        assertTrue(toResolver.isEmpty());
        assertEquals(1, toStranger.size(), "a server getting a quarter of the device's DNS is not its resolver");
    }

    @Test
    void theResolverTheDeviceUsesMostIsNeverABeacon() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            camera.flow(udp(i * 30, "198.51.100.53", 53));
            camera.flow(udp(i * 30 + 1, "198.51.100.53", 853));
            findings.addAll(camera.sendTo(detector));
        }
        assertTrue(findings.isEmpty(), findings.toString());
    }

    @Test
    void theResolversTheRouterIsConfiguredWithAreNeverABeacon() {
        RouterResolvers configured = new RouterResolvers();
        BeaconingDetector learning = new BeaconingDetector(popularity, Thresholds.defaults(),
                new ResolverAddresses(List.of("8.8.8.8")), configured, 1_000);
        UUID router = UUID.randomUUID();
        configured.inspect(router, List.of(new io.homeshield.wire.ConfigEvent(
                "Device.DNS.Client.Server.2.DNSServer", null, "198.51.100.54, 198.51.100.55", "user", null)),
                Traffic.T0, f -> { });
        Traffic phone = Traffic.of(router);
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            for (int k = 0; k < 4; k++) {
                phone.flow(udp(i * 30 + k * 5, "8.8.8.8", 53));
            }
            phone.flow(udp(i * 30, "198.51.100.55", 53));
            findings.addAll(phone.sendTo(learning));
        }
        assertTrue(findings.isEmpty(), findings.toString());
    }

    @Test
    void theRouterItselfIsNeverABeacon() {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            camera.tcp(i * 30, "192.168.1.1", 80);
            findings.addAll(camera.sendTo(detector));
        }
        assertTrue(findings.isEmpty());
    }

    private io.homeshield.wire.FlowEvent udp(double seconds, String ip, int port) {
        return new io.homeshield.wire.FlowEvent(camera.mac(), "udp", ip, port, 70, 120, 1, 1,
                Traffic.at(seconds), 20L);
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
