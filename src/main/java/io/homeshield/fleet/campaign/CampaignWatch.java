package io.homeshield.fleet.campaign;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.homeshield.fleet.ConfigChange;
import io.homeshield.fleet.ConfigChanged;
import io.homeshield.fleet.FleetConfig;
import io.homeshield.inventory.Router;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Feeds every recorded configuration change to this instance's campaign detector (in memory, in the
 * recording transaction, no statement of its own) and writes what it finds every few seconds. At
 * start it learns the usual rates from the stored history, so a restart does not begin blind.
 */
@ApplicationScoped
public class CampaignWatch {

    private final CampaignDetector detector;
    private final CampaignStore store;
    private final FleetConfig config;
    private final Clock clock;
    private final List<CampaignEvent> unsaved = new ArrayList<>();

    CampaignWatch(FleetConfig config, CampaignStore store, Clock clock) {
        FleetConfig.Campaign c = config.campaign();
        Set<String> benign = new HashSet<>(DetectorSettings.PUBLIC_RESOLVERS);
        c.benignValues().ifPresent(benign::addAll);
        this.detector = new CampaignDetector(new DetectorSettings(c.window(), c.bucket(), c.minRouters(),
                c.significance(), c.priorPerWindow(), c.learningHorizon(), c.warmUp(), c.quietToClose(),
                c.prefixBits(), c.maxTrackedChanges(), benign));
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        resumeRunningCampaigns();
        Instant now = clock.instant();
        Instant since = now.minus(config.campaign().learningHorizon());
        List<Object[]> history = QuarkusTransaction.requiringNew().call(() -> ConfigChange
                .getEntityManager().createQuery(
                        "select c.path, c.newValue, count(distinct c.routerId) from ConfigChange c"
                        + " where c.changedAt >= ?1 group by c.path, c.newValue", Object[].class)
                .setParameter(1, since).getResultList());
        for (Object[] row : history) {
            detector.learn((String) row[0], (String) row[1], ((Number) row[2]).intValue(),
                    config.campaign().learningHorizon(), now);
        }
        if (!history.isEmpty()) {
            Log.infof("Campaign detection learned the usual rates of %d changes from the stored history",
                    history.size());
        }
    }

    /** Campaigns reported before this start stay reported: the detector takes them up from the database. */
    private void resumeRunningCampaigns() {
        List<Campaign> running = QuarkusTransaction.requiringNew().call(() -> Campaign.<Campaign>list("status",
                Campaign.RUNNING));
        if (running.isEmpty()) {
            return;
        }
        Map<UUID, List<UUID>> members = new HashMap<>();
        QuarkusTransaction.requiringNew().call(() -> CampaignRouter.getEntityManager().createQuery(
                "select r.key.campaignId, r.key.routerId from CampaignRouter r where r.key.campaignId in ?1",
                Object[].class).setParameter(1, running.stream().map(c -> c.id).toList()).getResultList())
                .forEach(row -> members.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((UUID) row[1]));
        for (Campaign campaign : running) {
            detector.resume(campaign.id, campaign.parameter, campaign.valueKey, campaign.lastSeen,
                    members.getOrDefault(campaign.id, List.of()));
        }
        Log.infof("Campaign detection took up %d running campaigns from the database", running.size());
    }

    void onChanges(@Observes ConfigChanged changed) {
        List<ConfigObservation> observations = new ArrayList<>(changed.changes().size());
        for (ConfigChange change : changed.changes()) {
            Router router = Router.findById(change.routerId);
            if (router != null) {
                observations.add(new ConfigObservation(change.routerId, groupOf(router), change.path, change.newValue,
                        change.changedAt));
            }
        }
        detector.observe(observations);
    }

    /** Writes what the detector found since the last time; kept for the next attempt if the database refuses. */
    @Scheduled(every = "${homeshield.fleet.campaign.flush-interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void flush() {
        unsaved.addAll(detector.drain());
        if (unsaved.isEmpty()) {
            return;
        }
        try {
            store.save(unsaved);
            unsaved.clear();
        } catch (RuntimeException e) {
            Log.warnf(e, "Campaign findings not stored yet (%d waiting); trying again", unsaved.size());
        }
    }

    public CampaignDetector.Stats stats() {
        return detector.stats();
    }

    static RouterGroup groupOf(Router router) {
        return new RouterGroup(router.model, router.firmware, router.channel.name().toLowerCase(java.util.Locale.ROOT));
    }
}
