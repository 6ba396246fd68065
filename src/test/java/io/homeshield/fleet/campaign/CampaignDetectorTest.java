package io.homeshield.fleet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The campaign detector on a deterministic simulated fleet of 20,000 routers. */
class CampaignDetectorTest {

    private static final int FLEET = 20_000;
    private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
    private static final Duration WARM_UP = Duration.ofDays(2);
    private static final Duration CAMPAIGN = Duration.ofHours(6);
    private static final double DNS_CHANGES_PER_ROUTER_PER_DAY = 0.02;

    private final List<CampaignEvent> events = new ArrayList<>();

    @Test
    void aSlowRogueResolverCampaignIsReportedBeforeAQuarterOfItsRoutersChanged() {
        FleetChurn fleet = new FleetChurn(7, FLEET)
                .benign(START, WARM_UP.plus(CAMPAIGN).plusHours(6), DNS_CHANGES_PER_ROUTER_PER_DAY)
                .campaign(START.plus(WARM_UP), CAMPAIGN, 0.005);
        assertEquals(100, fleet.rogueChanges.size());

        Set<UUID> changedBeforeReport = new HashSet<>();
        Set<UUID> rogue = new HashSet<>();
        fleet.rogueChanges.forEach(c -> rogue.add(c.routerId()));
        CampaignEvent.Started started = null;
        for (List<ConfigObservation> minute : byMinute(fleet.inTimeOrder())) {
            if (started == null) {
                minute.stream().filter(c -> rogue.contains(c.routerId()) && FleetChurn.ROGUE.contains(c.value()))
                        .forEach(c -> changedBeforeReport.add(c.routerId()));
            }
            CampaignEvent.Started now = play(minute);
            if (started == null) {
                started = now;
            }
        }

        List<CampaignEvent.Started> campaigns = startedCampaigns();
        assertEquals(1, campaigns.size(), () -> "exactly the rogue campaign, got " + describe(campaigns));
        CampaignEvent.Started campaign = campaigns.get(0);
        assertEquals("Device.DNS.Client.Server.{i}.DNSServer", campaign.parameter());
        assertEquals("203.0.113.0/24", campaign.valueKey());
        System.out.printf("Campaign reported after %d of 100 affected routers changed (%s)%n",
                changedBeforeReport.size(),
                describe(campaigns));
        assertTrue(changedBeforeReport.size() < 25,
                changedBeforeReport.size() + " of 100 affected routers had changed before the report");
        assertTrue(campaign.routers().stream().allMatch(r -> r.group().equals(FleetChurn.TARGETED)));
        assertEquals(fleet.rogueChanges.stream().map(ConfigObservation::at).min(Instant::compareTo).orElseThrow(),
                campaign.firstSeen());
        Set<UUID> reported = new HashSet<>();
        campaign.routers().forEach(r -> reported.add(r.routerId()));
        events.stream().filter(CampaignEvent.Joined.class::isInstance).map(e -> ((CampaignEvent.Joined) e).router())
                .forEach(r -> reported.add(r.routerId()));
        assertEquals(rogue, reported, "every affected router is listed under the campaign, and no other");
    }

    @Test
    void benignChurnAloneRaisesNoCampaign() {
        FleetChurn fleet = new FleetChurn(11, FLEET)
                .benign(START, WARM_UP.plus(CAMPAIGN).plusHours(6), DNS_CHANGES_PER_ROUTER_PER_DAY);

        byMinute(fleet.inTimeOrder()).forEach(this::play);

        assertEquals(List.of(), describe(startedCampaigns()));
        assertTrue(detector.stats().skippedAsBenign() > 0);
    }

    @Test
    void aBusierFleetsChurnRaisesNoCampaignEither() {
        FleetChurn fleet = new FleetChurn(13, FLEET)
                .benign(START, WARM_UP.plus(CAMPAIGN), 5 * DNS_CHANGES_PER_ROUTER_PER_DAY);

        byMinute(fleet.inTimeOrder()).forEach(this::play);

        assertEquals(List.of(), describe(startedCampaigns()));
    }

    @Test
    void oneRouterFlappingBetweenValuesCountsOnce() {
        UUID router = UUID.randomUUID();
        RouterGroup group = FleetChurn.TARGETED;
        List<ConfigObservation> flaps = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            flaps.add(new ConfigObservation(router, group, "Device.DNS.Client.Server.1.DNSServer", "203.0.113.66",
                    START.plusSeconds(i * 60L)));
        }
        play(flaps);
        assertEquals(List.of(), startedCampaigns());
    }

    private final CampaignDetector detector = new CampaignDetector(new DetectorSettings(Duration.ofHours(1),
            Duration.ofMinutes(5), 5, 1e-6, 0.25, Duration.ofDays(3), Duration.ofHours(6), Duration.ofDays(2), 24,
                    200_000,
            withProviderResolver()));

    private static Set<String> withProviderResolver() {
        Set<String> benign = new HashSet<>(DetectorSettings.PUBLIC_RESOLVERS);
        benign.add(FleetChurn.PROVIDER_RESOLVER);
        return benign;
    }

    private CampaignEvent.Started play(List<ConfigObservation> batch) {
        detector.observe(batch);
        List<CampaignEvent> found = detector.drain();
        events.addAll(found);
        return found.stream().filter(CampaignEvent.Started.class::isInstance).map(CampaignEvent.Started.class::cast)
                .findFirst().orElse(null);
    }

    private List<CampaignEvent.Started> startedCampaigns() {
        return events.stream().filter(CampaignEvent.Started.class::isInstance).map(CampaignEvent.Started.class::cast)
                .toList();
    }

    private static List<String> describe(List<CampaignEvent.Started> started) {
        return started.stream().map(s -> s.parameter() + "=" + s.valueKey() + " at " + s.detectedAt() + " ("
                + s.routersInWindow() + " routers, " + String.format("%.2f", s.expectedInWindow()) + " expected)")
                .toList();
    }

    /** The changes as routers would deliver them: in one-minute batches. */
    private static List<List<ConfigObservation>> byMinute(List<ConfigObservation> sorted) {
        List<List<ConfigObservation>> batches = new ArrayList<>();
        List<ConfigObservation> current = new ArrayList<>();
        long minute = Long.MIN_VALUE;
        for (ConfigObservation change : sorted) {
            long m = change.at().getEpochSecond() / 60;
            if (m != minute && !current.isEmpty()) {
                batches.add(current);
                current = new ArrayList<>();
            }
            minute = m;
            current.add(change);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
