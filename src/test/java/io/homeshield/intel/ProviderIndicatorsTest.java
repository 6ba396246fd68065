package io.homeshield.intel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditEntry;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProviderIndicatorsTest {

    private static final Actor ANALYST = new Actor("intel-ana", "analyst");
    private static final String PROVIDER_FEED = "Provider's own feed";

    @Inject
    ProviderIndicatorService provider;

    @Inject
    ThreatIntel intel;

    @Inject
    ThreatFeeds feeds;

    @Test
    void anAddedIndicatorMatchesAtOnceAndNoLongerOnceExpired() {
        ProviderIndicator added = provider.add("C2.Provider-Test.example.", null, ANALYST,
                "Mozi C2 seen from cameras in 14 households");
        assertEquals("c2.provider-test.example", added.indicator);
        assertEquals(PROVIDER_FEED, intel.match(DomainName.of("x.c2.provider-test.example")).orElseThrow().feed());
        assertEquals(added.id, provider.add("c2.provider-test.example", null, ANALYST, "again").id,
                "an indicator in force is not added twice");

        ProviderIndicator range = provider.add("100.64.200.0/24", null, ANALYST, "bulletproof hosting range");
        assertEquals(IndicatorKind.CIDR, intel.match(IpAddress.of("100.64.200.9")).orElseThrow().kind());

        ProviderIndicator expired = provider.expire(added.id, ANALYST, "the domain was sinkholed");
        provider.expire(range.id, ANALYST, "test over");
        assertTrue(intel.match(DomainName.of("x.c2.provider-test.example")).isEmpty());
        assertTrue(intel.match(IpAddress.of("100.64.200.9")).isEmpty());
        assertEquals("intel-ana", expired.expiredBy);
        assertEquals("the domain was sinkholed", expired.expireReason);
        assertEquals(1, provider.search("provider-test", true, 10).size(), "the expired row stays on record");
        assertEquals(0, provider.search("provider-test", false, 10).size());
        assertEquals(1, auditEntries("intel.indicator.add", "domain:c2.provider-test.example"));
        assertEquals(1, auditEntries("intel.indicator.expire", "domain:c2.provider-test.example"));
    }

    @Test
    void aBeaconsDestinationIsPromotedFromItsAlert() {
        Alert alert = alert("intel-promote", "C2_BEACONING", "beacon:100.64.201.77:443",
                "{\"destination\":\"100.64.201.77\",\"port\":443,\"interval\":\"60s\"}");
        ProviderIndicator promoted = provider.promote(alert.id, Instant.now().plus(30, ChronoUnit.DAYS), ANALYST,
                "beacons every minute from three households");
        assertEquals(alert.id, promoted.sourceAlertId);
        assertNotNull(promoted.validUntil);
        assertEquals("100.64.201.77", intel.match(IpAddress.of("100.64.201.77")).orElseThrow().value());
        assertEquals(1, auditEntries("intel.indicator.promote", "ip:100.64.201.77"));
        provider.expire(promoted.id, ANALYST, "test over");
        assertTrue(intel.match(IpAddress.of("100.64.201.77")).isEmpty());
    }

    @Test
    void anAlertNamingAVictimIsNotPromoted() {
        Alert alert = alert("intel-victim", "BRUTE_FORCE", "ssh:100.64.202.5",
                "{\"target\":\"100.64.202.5\",\"service\":\"SSH\"}");
        ProblemException refused = assertThrows(ProblemException.class,
                () -> provider.promote(alert.id, null, ANALYST, "mistake"));
        assertEquals(400, refused.problem().status());
        assertTrue(intel.match(IpAddress.of("100.64.202.5")).isEmpty());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> provider.promote(UUID.randomUUID(), null, ANALYST, "no such alert")).problem().status());
    }

    @Test
    void whatCannotBeAnIndicatorOrHasNoReasonIsRefused() {
        for (String input : new String[] { "com", "http://github.com/someone/payload.exe", "0.0.0.0/4", "not a host!",
                "" }) {
            ProblemException refused = assertThrows(ProblemException.class,
                    () -> provider.add(input, null, ANALYST, "test"), input);
            assertEquals(400, refused.problem().status(), input);
        }
        ProblemException noReason = assertThrows(ProblemException.class,
                () -> provider.add("reasonless.provider-test.example", null, ANALYST, " "));
        assertEquals("reason: say why, for the record", noReason.getMessage());
        assertTrue(intel.match(DomainName.of("reasonless.provider-test.example")).isEmpty());
    }

    @Test
    void theBundledFeedIsTheOneConfiguredAndInForce() {
        FeedStatus urlhaus = feeds.statuses().stream().filter(s -> s.id().equals("urlhaus")).findFirst().orElseThrow();
        assertEquals(ThreatIntel.URLHAUS, urlhaus.name());
        assertEquals(FeedFormat.ADBLOCK, urlhaus.format());
        assertTrue(urlhaus.inForce());
        assertEquals(602 + 2307, urlhaus.current().indicators());
        assertTrue(intel.match(DomainName.of("zidomasones.com")).isPresent());
    }

    private static Alert alert(String subject, String type, String dedupKey, String evidence) {
        Device device = Fixtures.device(Fixtures.household(subject), "Camera", DeviceType.CAMERA);
        Alert alert = Fixtures.alert(device, dedupKey);
        QuarkusTransaction.requiringNew().run(() -> {
            Alert stored = Alert.findById(alert.id);
            stored.type = type;
            stored.evidence = evidence;
        });
        return alert;
    }

    private static long auditEntries(String action, String target) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEntry.count("action = ?1 and target = ?2", action, target));
    }
}
