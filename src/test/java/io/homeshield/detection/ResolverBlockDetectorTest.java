package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.intel.ThreatIntel;
import io.homeshield.net.MacAddress;
import io.homeshield.telemetry.wire.DnsEvent;

/** The provider's resolver stopped a device: a walled-garden answer, or NXDOMAIN for a name of a C&C feed the zone carries. */
class ResolverBlockDetectorTest {

    private static final MacAddress CAMERA = MacAddress.of("44:19:B6:4F:2A:01");
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final String WALLED_GARDEN = "198.51.100.10";

    @Test
    void aWalledGardenAnswerIsAStopForEachNameOnce() {
        ResolverBlockDetector detector = new ResolverBlockDetector(ThreatIntel.bundled(), Optional.of(WALLED_GARDEN),
                Set.of());
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
    void nxdomainCountsOnlyForANameOfAFeedTheZoneCarries() {
        ResolverBlockDetector carried = new ResolverBlockDetector(ThreatIntel.bundled(), Optional.empty(),
                Set.of(ThreatIntel.URLHAUS));
        ResolverBlockDetector notCarried = new ResolverBlockDetector(ThreatIntel.bundled(), Optional.empty(), Set.of());
        List<DnsEvent> lookups = List.of(nxdomain("zidomasones.com"), nxdomain("typo.example.org"));

        List<Finding> findings = inspect(carried, lookups);
        assertEquals(1, findings.size());
        assertEquals("NXDOMAIN", findings.get(0).evidence().get("answer"));
        assertEquals("zidomasones.com", findings.get(0).indicator());
        assertTrue(inspect(notCarried, lookups).isEmpty(), "a name the zone does not block is just missing");
    }

    @Test
    void ordinaryAnswersAreNoStop() {
        ResolverBlockDetector detector = new ResolverBlockDetector(ThreatIntel.bundled(), Optional.of(WALLED_GARDEN),
                Set.of(ThreatIntel.URLHAUS));
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
