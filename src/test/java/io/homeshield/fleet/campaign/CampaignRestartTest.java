package io.homeshield.fleet.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.fleet.ConfigChange;
import io.homeshield.fleet.ConfigChanged;
import io.homeshield.fleet.ConfigHistory;
import io.homeshield.fleet.FleetConfig;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A campaign reported before a restart is not reported again after it: a freshly started campaign
 * watch takes the running campaigns up from the database, and routers still making the change join
 * the stored campaign. A change never reported is still found by the same watch.
 */
@QuarkusTest
class CampaignRestartTest {

    private static final String PARAMETER = "Device.DNS.Client.Server.{i}.DNSServer";
    private static final String DNS = "Device.DNS.Client.Server.1.DNSServer";

    @Inject
    FleetConfig config;

    @Inject
    CampaignStore store;

    @Inject
    Clock clock;

    @Inject
    ConfigHistory history;

    @Test
    void aCampaignReportedBeforeARestartIsNotReportedAgain() {
        int a = (int) (Math.random() * 100);
        int b = (int) (Math.random() * 256);
        String reportedNet = "10." + (100 + a) + "." + b + ".";
        String newNet = "10." + a + "." + b + ".";
        Instant now = clock.instant();
        // some stored history: a restarted watch learns from it and is past its warm-up
        ConfigChange earlier = change("192.0.2.1", now.minus(Duration.ofDays(1)));
        QuarkusTransaction.requiringNew().run(() -> history.record(List.of(earlier)));
        Campaign reported = reportedCampaign(reportedNet + "0/24", now.minus(Duration.ofMinutes(30)));

        CampaignWatch restarted = new CampaignWatch(config, store, clock);
        restarted.onStart(null);
        List<ConfigChange> changes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant at = now.minus(Duration.ofMinutes(20)).plus(Duration.ofMinutes(i));
            changes.add(change(reportedNet + (10 + i), at));
            changes.add(change(newNet + (10 + i), at));
        }
        QuarkusTransaction.requiringNew().run(() -> restarted.onChanges(new ConfigChanged(changes)));
        restarted.flush();

        assertEquals(1L, count(reportedNet + "0/24"), "the reported campaign is not reported a second time");
        assertEquals(15, QuarkusTransaction.requiringNew().call(()
                -> Campaign.<Campaign>findById(reported.id).affected),
                "the routers still making the change joined the stored campaign");
        assertEquals(1L, count(newNet + "0/24"), "a change never reported is still found");
    }

    @Test
    void aCampaignAnotherInstanceAlreadyStoredIsJoinedNotStoredTwice() {
        String valueKey = "10." + (200 + (int) (Math.random() * 50)) + "." + (int) (Math.random() * 256) + ".0/24";
        Instant now = clock.instant();
        Campaign reported = reportedCampaign(valueKey, now.minus(Duration.ofMinutes(5)));
        ConfigChange late = change(valueKey.replace("0/24", "77"), now);
        UUID foundHereToo = UUID.randomUUID();

        store.save(List.of(new CampaignEvent.Started(foundHereToo, PARAMETER, valueKey, now, now, 6, 0.25,
                List.of(new AffectedRouter(late.routerId, new RouterGroup("HS-Box 5", "1.4.2", "usp"), DNS,
                        late.newValue, now)))));
        ConfigChange later = change(valueKey.replace("0/24", "78"), now);
        store.save(List.of(new CampaignEvent.Joined(foundHereToo, new AffectedRouter(later.routerId,
                new RouterGroup("HS-Box 5", "1.4.2", "usp"), DNS, later.newValue, now))));

        assertEquals(1L, count(valueKey));
        assertEquals(7, QuarkusTransaction.requiringNew().call(()
                -> Campaign.<Campaign>findById(reported.id).affected));
    }

    private static ConfigChange change(String value, Instant at) {
        UUID router = Fixtures.household("campaign-restart-" + UUID.randomUUID()).routerId();
        return new ConfigChange(router, DNS, "10.255.0.53", value, "unknown", at, at);
    }

    private static long count(String valueKey) {
        return QuarkusTransaction.requiringNew().call(() -> Campaign.count("parameter = ?1 and valueKey = ?2",
                PARAMETER, valueKey));
    }

    /** A running campaign as the watch stored it before the restart, with five routers. */
    private static Campaign reportedCampaign(String valueKey, Instant detectedAt) {
        Campaign campaign = new Campaign();
        campaign.id = UUID.randomUUID();
        campaign.parameter = PARAMETER;
        campaign.valueKey = valueKey;
        campaign.firstSeen = detectedAt.minus(Duration.ofMinutes(20));
        campaign.detectedAt = detectedAt;
        campaign.lastSeen = detectedAt;
        campaign.routersAtDetection = 5;
        campaign.expectedAtDetection = 0.25;
        campaign.affected = 5;
        campaign.status = Campaign.RUNNING;
        List<CampaignRouter> routers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ConfigChange change = change(valueKey.replace("0/24", String.valueOf(100 + i)), detectedAt);
            routers.add(CampaignRouter.of(campaign.id, new AffectedRouter(change.routerId, new RouterGroup("HS-Box 5",
                    "1.4.2", "usp"), DNS, change.newValue, detectedAt)));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            campaign.persist();
            CampaignRouter.persist(routers);
        });
        return campaign;
    }
}
