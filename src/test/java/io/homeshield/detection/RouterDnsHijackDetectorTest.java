package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.intel.ThreatIntel;
import io.homeshield.wire.ConfigEvent;

class RouterDnsHijackDetectorTest {

    private static final String WAN_DNS = "Device.DNS.Client.Server.1.DNSServer";
    private static final String LAN_DNS = "Device.DHCPv4.Server.Pool.1.DNSServers";
    /** Listed as an address in the bundled URLhaus feed. */
    private static final String LISTED = "1.1.104.12";

    private final RouterDnsHijackDetector detector = new RouterDnsHijackDetector(
            List.of("192.0.2.53", "192.0.2.54", "198.18.0.0/15", "2001:db8:53::1"), ThreatIntel.bundled());

    @Test
    void aRouterSentToAnUnknownResolverIsFlagged() {
        List<Finding> findings = changes(change(WAN_DNS, "192.0.2.53", "203.0.113.66", "unknown"));
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(AlertType.ROUTER_DNS_HIJACK, f.type());
        assertNull(f.device(), "the router itself, not a device");
        assertEquals("dns:203.0.113.66", f.dedupKey());
        assertEquals("203.0.113.66", f.indicator());
        assertEquals(WAN_DNS, f.evidence().get("parameter"));
        assertEquals("192.0.2.53", f.evidence().get("previous"));
        assertEquals("unknown", f.evidence().get("changedBy"));
        assertTrue(f.evidence().get("reason").toString().contains("neither"));
    }

    @Test
    void eachRogueEntryOfTheLanListIsFlaggedAndTheOthersAreNot() {
        List<Finding> findings = changes(change(LAN_DNS, "192.168.1.1", "198.51.100.7, 8.8.8.8,192.168.1.1", "user"),
                change("InternetGatewayDevice.WANDevice.1.WANConnectionDevice.1.WANPPPConnection.1.DNSServers", "",
                        "198.51.100.8", "unknown"));
        assertEquals(List.of("198.51.100.7", "198.51.100.8"), findings.stream().map(Finding::indicator).toList());
    }

    @Test
    void aResolverTheThreatIntelListsIsFlaggedWithItsFeed() {
        List<Finding> findings = changes(change("Device.DNS.Relay.Forwarding.2.DNSServer", "9.9.9.9", LISTED,
                "unknown"));
        assertEquals(1, findings.size());
        assertTrue(findings.get(0).evidence().get("reason").toString().contains(ThreatIntel.URLHAUS));
    }

    @Test
    void theProvidersPublicAndHomeResolversAreNot() {
        assertTrue(changes(
                change(WAN_DNS, "203.0.113.66", "192.0.2.54", "unknown"),
                change(WAN_DNS, "192.0.2.54", "198.19.4.53", "unknown"),
                change(WAN_DNS, "192.0.2.54", "2001:DB8:53:0:0:0:0:1", "unknown"),
                change(WAN_DNS, "192.0.2.54", "1.1.1.1", "user"),
                change(WAN_DNS, "192.0.2.54", "45.90.28.17", "user"),
                change(WAN_DNS, "192.0.2.54", "2620:fe::fe", "user"),
                change(LAN_DNS, "192.168.1.1", "192.168.1.5", "user"),
                change(WAN_DNS, "192.0.2.54", "", "user")).isEmpty());
    }

    @Test
    void otherSettingsAndTheProvidersOwnChangesAreNotJudged() {
        assertTrue(changes(
                change("Device.WiFi.SSID.1.SSID", "home", "203.0.113.66", "user"),
                change(WAN_DNS, "192.0.2.53", "203.0.113.66", "acs"),
                change(WAN_DNS, "192.0.2.53", "203.0.113.66", "controller")).isEmpty());
    }

    @Test
    void aWrongProviderResolverIsRefusedAtStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RouterDnsHijackDetector(List.of("192.0.2.0/33"), ThreatIntel.bundled()));
        assertTrue(e.getMessage().contains("192.0.2.0/33"));
    }

    @Test
    void theEngineHandsTheRoutersChangesToItsRouterDetectors() {
        DetectionEngine engine = new DetectionEngine(List.of(), List.of(detector), new DestinationPopularity());
        List<Finding> findings = engine.inspect(UUID.randomUUID(),
                List.of(change(WAN_DNS, "192.0.2.53", "203.0.113.66", "unknown")), Traffic.T0);
        assertEquals(List.of(AlertType.ROUTER_DNS_HIJACK), findings.stream().map(Finding::type).toList());
    }

    private List<Finding> changes(ConfigEvent... changes) {
        List<Finding> out = new ArrayList<>();
        detector.inspect(UUID.randomUUID(), List.of(changes), Traffic.T0, out::add);
        return out;
    }

    private static ConfigEvent change(String path, String oldValue, String newValue, String source) {
        return new ConfigEvent(path, oldValue, newValue, source, Traffic.T0);
    }
}
