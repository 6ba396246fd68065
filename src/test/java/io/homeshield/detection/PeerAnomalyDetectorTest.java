package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.DeviceTypeGuesser;
import io.homeshield.inventory.VendorRegistry;
import io.homeshield.net.MacAddress;
import io.homeshield.wire.FlowEvent;

class PeerAnomalyDetectorTest {

    private static final double HOUR = 3600;
    /** Hikvision cameras: the fleet's tables learn what they contact. */
    private static final String CAMERA_OUI = "44:19:B6";
    private static final String CAMERA_CLOUD = "52.58.101.";
    private static final String NTP = "162.159.200.";
    private static PeerGroups groups;

    private final DestinationPopularity popularity = new DestinationPopularity();
    private final PeerDestinations peers = new PeerDestinations();
    private final PeerAnomalyDetector detector = new PeerAnomalyDetector(groups, peers, popularity);
    private long usedBits;

    @BeforeAll
    static void registry() {
        groups = new PeerGroups(VendorRegistry.loaded(), new DeviceTypeGuesser());
    }

    @Test
    void aCameraContactingWhatNoOtherHouseholdsCameraContactsIsFlagged() {
        List<UUID> fleet = routers(8);
        learnDay(fleet);
        UUID home = fleet.get(0);
        MacAddress camera = cameraOf(home);
        List<Finding> findings = send(home, camera, 25 * HOUR, CAMERA_CLOUD + "17", "203.0.113.66");
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(AlertType.PEER_ANOMALY, f.type());
        assertEquals("peer:203.0.113.0/24", f.dedupKey());
        assertEquals("203.0.113.66", f.evidence().get("destination"));
        assertTrue(f.evidence().get("peerGroup").toString().endsWith(" camera"), f.evidence().toString());
        assertTrue((Integer) f.evidence().get("peerHouseholds") >= PeerAnomalyDetector.MIN_PEER_HOUSEHOLDS);
        assertTrue(send(home, camera, 25 * HOUR + 60, "203.0.113.67", "198.51.100.9").isEmpty(),
                "one report per device for a while, however many strangers");
    }

    @Test
    void whatPeersInOtherHouseholdsContactIsNormalEvenInANewNetwork() {
        List<UUID> fleet = routers(8);
        learnDay(fleet);
        // A camera of a second household starts using a new cloud network; the others follow.
        for (UUID router : fleet.subList(1, 7)) {
            send(router, cameraOf(router), 25 * HOUR, "18.195.77.5");
        }
        assertTrue(send(fleet.get(0), cameraOf(fleet.get(0)), 25 * HOUR + 30, CAMERA_CLOUD + "3",
                "18.195.77.9").isEmpty());
    }

    @Test
    void nothingIsJudgedWhileTheTablesLearn() {
        List<UUID> fleet = routers(8);
        for (UUID router : fleet) {
            send(router, cameraOf(router), 0, CAMERA_CLOUD + "8", NTP + "4");
        }
        assertTrue(send(fleet.get(0), cameraOf(fleet.get(0)), 2 * HOUR, CAMERA_CLOUD + "8", "203.0.113.66").isEmpty());
    }

    @Test
    void aGroupWithTooFewPeersIsNotJudged() {
        List<UUID> small = routers(PeerAnomalyDetector.MIN_PEER_HOUSEHOLDS);
        learnDay(small);
        assertTrue(send(small.get(0), cameraOf(small.get(0)), 25 * HOUR, CAMERA_CLOUD + "8", "203.0.113.66").isEmpty());
    }

    @Test
    void aDestinationManyHouseholdsUseIsMainstream() {
        List<UUID> fleet = routers(8);
        learnDay(fleet);
        for (UUID other : routers(PeerAnomalyDetector.POPULAR_HOUSEHOLDS + 4)) {
            popularity.record(AddressBits.network("140.82.121.4"), DestinationPopularity.routerBit(other),
                    Traffic.T0.toEpochMilli() + 25 * 3_600_000L);
        }
        assertTrue(send(fleet.get(0), cameraOf(fleet.get(0)), 25 * HOUR, CAMERA_CLOUD + "8", "140.82.121.4").isEmpty());
    }

    @Test
    void devicesUnlikeTheirGroupAndDevicesWithoutPeersAreLeftAlone() {
        List<UUID> fleet = routers(8);
        learnDay(fleet);
        UUID home = fleet.get(0);
        MacAddress odd = MacAddress.of(CAMERA_OUI + ":AA:00:01");
        send(home, odd, 1 * HOUR, "198.51.100.20");
        assertTrue(send(home, odd, 25 * HOUR, "198.51.100.20", "203.0.113.66").isEmpty(),
                "never contacted anything its peers do: a different product");
        assertNull(groups.of(MacAddress.of("3C:22:FB:00:00:01")), "what a laptop contacts is up to its user");
        assertNull(groups.of(MacAddress.of("DA:A1:19:00:00:01")), "a randomised address names no maker");
        PeerGroup cameras = groups.of(MacAddress.of(CAMERA_OUI + ":00:00:01"));
        assertNotNull(cameras);
        assertEquals(DeviceType.CAMERA, cameras.type());
    }

    /** A day of ordinary life: every household's camera talks to its cloud and the time servers. */
    private void learnDay(List<UUID> fleet) {
        for (double t = 0; t <= 24 * HOUR; t += 2 * HOUR) {
            for (UUID router : fleet) {
                assertTrue(send(router, cameraOf(router), t, CAMERA_CLOUD + (2 + (int) (t / HOUR)), NTP
                        + "9").isEmpty());
            }
        }
    }

    /** Routers whose households have bits of their own in the fleet's bitmaps, so that counts are exact. */
    private List<UUID> routers(int count) {
        List<UUID> out = new ArrayList<>();
        while (out.size() < count) {
            UUID router = UUID.randomUUID();
            long bit = DestinationPopularity.routerBit(router);
            if ((usedBits & bit) == 0) {
                usedBits |= bit;
                out.add(router);
            }
        }
        return out;
    }

    private MacAddress cameraOf(UUID router) {
        int n = Math.floorMod(router.hashCode(), 65536);
        return MacAddress.of(String.format("%s:00:%02X:%02X", CAMERA_OUI, n >> 8, n & 0xff));
    }

    private List<Finding> send(UUID router, MacAddress device, double seconds, String... destinations) {
        List<FlowEvent> flows = new ArrayList<>();
        for (int i = 0; i < destinations.length; i++) {
            flows.add(new FlowEvent(device.value(), "tcp", destinations[i], 443, 900, 1200, 6, 5,
                    Traffic.at(seconds + i), 400L));
        }
        for (FlowEvent f : flows) {
            popularity.record(AddressBits.network(f.dstIp()), DestinationPopularity.routerBit(router),
                    f.start().toEpochMilli());
        }
        List<Finding> out = new ArrayList<>();
        detector.inspect(new DeviceActivity(router, device, new ArrayList<>(), flows,
                Traffic.at(seconds + destinations.length)), out::add);
        return out;
    }
}
