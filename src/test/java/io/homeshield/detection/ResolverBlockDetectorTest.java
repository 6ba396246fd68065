package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.intel.rpz.BlockedNames;
import io.homeshield.net.MacAddress;
import io.homeshield.wire.DnsEvent;

/**
 * The provider's resolver stopped a device: a walled-garden answer, or, with the NXDOMAIN policy,
 * NXDOMAIN for a name in the zone at the time — not any NXDOMAIN.
 */
class ResolverBlockDetectorTest {

    private static final MacAddress CAMERA = MacAddress.of("44:19:B6:4F:2A:01");
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final String WALLED_GARDEN = "198.51.100.10";
    private static final BlockedNames ZONE = new BlockedNames(Set.of("zidomasones.com", "c2.example.net"),
            Set.of("cdn.c2.example.net"));

    @Test
    void aWalledGardenAnswerIsAStopForEachNameOnce() {
        ResolverBlockDetector detector = new ResolverBlockDetector(Optional.of(WALLED_GARDEN), () -> ZONE);
        List<Finding> findings = inspect(detector, List.of(answer("c2.example.net", WALLED_GARDEN),
                answer("c2.example.net", WALLED_GARDEN), answer("weather.example.org", "93.184.216.34")));
        assertEquals(2, findings.size());
        assertEquals(1, Finding.merged(findings).size(), "one alert however often the device tries");
        Finding stop = findings.get(0);
        assertEquals(AlertType.STOPPED_BY_RESOLVER, stop.type());
        assertEquals("c2.example.net", stop.indicator());
        assertEquals(WALLED_GARDEN, stop.evidence().get("answer"));
    }

    @Test
    void nxdomainCountsForANameTheZoneBlocksAndItsSubdomainsOnly() {
        ResolverBlockDetector detector = new ResolverBlockDetector(Optional.empty(), () -> ZONE);

        List<Finding> findings = inspect(detector, List.of(nxdomain("zidomasones.com"), nxdomain("typo.example.org"),
                nxdomain("beacon.c2.example.net"), nxdomain("cdn.c2.example.net"), nxdomain("img.cdn.c2.example.net"),
                nxdomain("example.net")));

        assertEquals(List.of("zidomasones.com", "beacon.c2.example.net"),
                findings.stream().map(Finding::indicator).toList(),
                "a missing name, an allowed name under a blocked one and a parent of a blocked one are no stop");
        assertTrue(findings.stream().allMatch(f -> "NXDOMAIN".equals(f.evidence().get("answer"))));
    }

    @Test
    void aNameCountsOnlyWhileItIsInTheZone() {
        AtomicReference<BlockedNames> zone = new AtomicReference<>(BlockedNames.EMPTY);
        ResolverBlockDetector detector = new ResolverBlockDetector(Optional.empty(), zone::get);
        assertTrue(inspect(detector, List.of(nxdomain("zidomasones.com"))).isEmpty(), "not in the zone yet");

        zone.set(ZONE);
        assertEquals(1, inspect(detector, List.of(nxdomain("zidomasones.com"))).size());

        zone.set(BlockedNames.EMPTY);
        assertTrue(inspect(detector, List.of(nxdomain("zidomasones.com"))).isEmpty(), "taken out of the zone again");
    }

    @Test
    void withAWalledGardenPolicyNxdomainIsNotTheZonesAnswer() {
        ResolverBlockDetector detector = new ResolverBlockDetector(Optional.of(WALLED_GARDEN), () -> ZONE);
        assertTrue(inspect(detector, List.of(nxdomain("zidomasones.com"))).isEmpty(),
                "the zone answers its names with the walled garden, so an NXDOMAIN came from elsewhere");
    }

    @Test
    void ordinaryAnswersAreNoStop() {
        ResolverBlockDetector detector = new ResolverBlockDetector(Optional.of(WALLED_GARDEN), () -> ZONE);
        assertTrue(inspect(detector, List.of(answer("zidomasones.com", "203.0.113.7"), answer("github.com",
                "140.82.121.4"))).isEmpty());
    }

    private static List<Finding> inspect(ResolverBlockDetector detector, List<DnsEvent> lookups) {
        List<Finding> out = new ArrayList<>();
        detector.inspect(new DeviceActivity(UUID.randomUUID(), CAMERA, lookups, List.of(), T0), out::add);
        return out;
    }

    private static DnsEvent answer(String name, String address) {
        return new DnsEvent(CAMERA.value(), name, "A", "NOERROR", List.of(address), T0);
    }

    private static DnsEvent nxdomain(String name) {
        return new DnsEvent(CAMERA.value(), name, "A", "NXDOMAIN", List.of(), T0);
    }
}
