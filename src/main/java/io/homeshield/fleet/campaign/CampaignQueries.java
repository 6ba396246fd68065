package io.homeshield.fleet.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads of the campaigns found, for the analysts' pages. */
@ApplicationScoped
public class CampaignQueries {

    /** Every campaign, the latest detected first. */
    public List<Campaign> all() {
        return Campaign.list("order by detectedAt desc");
    }

    /** The campaign with this id, or empty. */
    public Optional<Campaign> find(UUID id) {
        return Campaign.findByIdOptional(id);
    }

    /** When each router of the campaign changed, oldest first. */
    public List<Instant> changeTimes(UUID campaignId) {
        return Campaign.getEntityManager().createQuery("select r.changedAt from CampaignRouter r"
                + " where r.key.campaignId = ?1 order by r.changedAt", Instant.class).setParameter(1, campaignId)
                .getResultList();
    }

    /** The campaign's routers counted by model, firmware and network, the largest group first. */
    public List<CampaignView.GroupCount> groups(UUID campaignId) {
        return Campaign.getEntityManager().createQuery("select new "
                + CampaignView.GroupCount.class.getName() + "(r.model, r.firmware, r.network, count(r))"
                + " from CampaignRouter r where r.key.campaignId = ?1 group by r.model, r.firmware, r.network"
                + " order by count(r) desc", CampaignView.GroupCount.class).setParameter(1, campaignId).getResultList();
    }

    /** The campaign's first {@code limit} routers, in the order they changed. */
    public List<CampaignRouter> routers(UUID campaignId, int limit) {
        return CampaignRouter.<CampaignRouter>find("key.campaignId = ?1 order by changedAt", campaignId)
                .page(0, limit).list();
    }
}
