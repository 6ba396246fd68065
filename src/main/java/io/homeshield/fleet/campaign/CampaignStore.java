package io.homeshield.fleet.campaign;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.quarkus.logging.Log;

/**
 * Writes what the detector found: a started campaign with its routers, routers joining, campaigns
 * ending. A campaign already stored as running (reported by another instance, or before a restart)
 * is never reported twice: its routers join the stored one.
 */
@ApplicationScoped
class CampaignStore {

    private final AuditLog audit;
    /** Campaigns the detector started that were already stored under another id. */
    private final Map<UUID, UUID> storedAs = new ConcurrentHashMap<>();

    CampaignStore(AuditLog audit) {
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void save(List<CampaignEvent> events) {
        for (CampaignEvent event : events) {
            if (event instanceof CampaignEvent.Started started) {
                start(started);
            } else if (event instanceof CampaignEvent.Joined joined) {
                join(joined);
            } else if (event instanceof CampaignEvent.Ended ended) {
                end(ended);
            }
        }
    }

    private void start(CampaignEvent.Started started) {
        Campaign reported = Campaign.<Campaign>find("parameter = ?1 and valueKey = ?2 and status = ?3",
                started.parameter(), started.valueKey(), Campaign.RUNNING).firstResult();
        if (reported != null) {
            storedAs.put(started.campaignId(), reported.id);
            started.routers().forEach(router -> join(new CampaignEvent.Joined(reported.id, router)));
            return;
        }
        Campaign campaign = new Campaign();
        campaign.id = started.campaignId();
        campaign.parameter = started.parameter();
        campaign.valueKey = started.valueKey();
        campaign.firstSeen = started.firstSeen();
        campaign.detectedAt = started.detectedAt();
        campaign.lastSeen = started.routers().get(started.routers().size() - 1).at();
        campaign.routersAtDetection = started.routersInWindow();
        campaign.expectedAtDetection = started.expectedInWindow();
        campaign.affected = started.routers().size();
        campaign.status = Campaign.RUNNING;
        campaign.persist();
        CampaignRouter.persist(started.routers().stream().map(r -> CampaignRouter.of(campaign.id, r)));
        Log.warnf("Configuration campaign: %s moving to %s on %d routers within the window (%.2f expected)",
                campaign.parameter, campaign.valueKey, campaign.routersAtDetection, campaign.expectedAtDetection);
        audit.append(new AuditRecord(Actor.SYSTEM.id(), Actor.SYSTEM.role(), null, "fleet.campaign",
                campaign.parameter + " = " + campaign.valueKey, campaign.routersAtDetection
                        + " routers within the window, "
                        + String.format("%.2f", campaign.expectedAtDetection) + " expected", "started"));
    }

    private void join(CampaignEvent.Joined joined) {
        Campaign campaign = Campaign.findById(stored(joined.campaignId()));
        if (campaign == null || CampaignRouter.findById(new CampaignRouter.Key(campaign.id,
                joined.router().routerId())) != null) {
            return;
        }
        CampaignRouter.of(campaign.id, joined.router()).persist();
        campaign.affected++;
        if (joined.router().at().isAfter(campaign.lastSeen)) {
            campaign.lastSeen = joined.router().at();
        }
    }

    private void end(CampaignEvent.Ended ended) {
        Campaign campaign = Campaign.findById(stored(ended.campaignId()));
        if (campaign != null) {
            campaign.status = Campaign.ENDED;
        }
    }

    private UUID stored(UUID campaignId) {
        return storedAs.getOrDefault(campaignId, campaignId);
    }
}
