package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.intel.ThreatIntel;
import io.homeshield.net.MacAddress;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;

class KnownBadDestinationDetectorTest {

    private static final MacAddress CAMERA = MacAddress.of("44:19:B6:4F:2A:01");
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final KnownBadDestinationDetector detector = new KnownBadDestinationDetector(ThreatIntel.bundled());

    @Test
    void aLookupOfAListedNameOrItsSubdomainIsOneIndicator() {
        List<Finding> findings = inspect(List.of(lookup("zidomasones.com"), lookup("cdn.zidomasones.com"),
                lookup("weather.example.org")), List.of());
        assertEquals(2, findings.size());
        assertEquals(1, Finding.merged(findings).size());
        Finding f = findings.get(0);
        assertEquals(AlertType.KNOWN_BAD_DESTINATION, f.type());
        assertEquals("domain:zidomasones.com", f.dedupKey());
        assertEquals("looked up zidomasones.com", f.evidence().get("observed"));
        assertEquals(ThreatIntel.URLHAUS, f.evidence().get("feed"));
    }

    @Test
    void anAnswerOrAConnectionToAListedAddressIsFlagged() {
        List<Finding> findings = inspect(List.of(new DnsEvent(CAMERA.value(), "innocent-looking.example", "A",
                "NOERROR",
                List.of("1.1.104.12"), T0)), List.of(flow("1.1.104.12", 23), flow("93.184.216.34", 443)));
        assertEquals(2, findings.size());
        assertTrue(findings.stream().allMatch(f -> f.dedupKey().equals("ip:1.1.104.12")));
        assertEquals("connected to 1.1.104.12 port 23/tcp", findings.get(1).evidence().get("observed"));
    }

    @Test
    void ordinaryTrafficRaisesNothing() {
        assertTrue(inspect(List.of(lookup("github.com"), lookup("drive.google.com"), lookup("time.cloudflare.com")),
                List.of(flow("140.82.121.4", 443))).isEmpty());
    }

    private List<Finding> inspect(List<DnsEvent> lookups, List<FlowEvent> flows) {
        List<Finding> out = new ArrayList<>();
        detector.inspect(new DeviceActivity(UUID.randomUUID(), CAMERA, lookups, flows, T0), out::add);
        return out;
    }

    private static DnsEvent lookup(String name) {
        return new DnsEvent(CAMERA.value(), name, "A", "NOERROR", List.of(), T0);
    }

    private static FlowEvent flow(String ip, int port) {
        return new FlowEvent(CAMERA.value(), "tcp", ip, port, 120, 80, 2, 2, T0, 500L);
    }
}
