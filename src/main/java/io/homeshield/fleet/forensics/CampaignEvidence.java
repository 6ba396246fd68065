package io.homeshield.fleet.forensics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * What a campaign's routers have in common that their peers (routers of the same models outside the
 * campaign) don't, from each router's newest snapshot: settings held by at least half of the
 * campaign's routers with evidence (two at least: one router alone has nothing in common) and by at most
 * the unusual share of the peers.
 */
@ApplicationScoped
public class CampaignEvidence {

    public record Summary(long campaignRouters, long withEvidence, long peers, List<SharedFact> shared) {
    }

    public record SharedFact(String key, String value, long inCampaign, long amongPeers) {
    }

    private final ForensicsConfig config;

    CampaignEvidence(ForensicsConfig config) {
        this.config = config;
    }

    public Summary of(UUID campaignId) {
        EntityManager em = EvidenceSnapshot.getEntityManager();
        long routers = ((Number) em.createNativeQuery(
                "select count(*) from fleet_campaign_router where campaign_id = ?1")
                .setParameter(1, campaignId).getSingleResult()).longValue();
        long withEvidence = ((Number) em.createNativeQuery("select count(*) from evidence_snapshot s join"
                + " fleet_campaign_router c on c.router_id = s.router_id where c.campaign_id = ?1 and s.latest = true")
                .setParameter(1, campaignId).getSingleResult()).longValue();
        long peers = ((Number) em.createNativeQuery("select count(*) from evidence_snapshot s where s.latest = true"
                + " and s.model in (select model from fleet_campaign_router where campaign_id = ?1) and s.router_id"
                + " not in (select router_id from fleet_campaign_router where campaign_id = ?1)")
                .setParameter(1, campaignId).getSingleResult()).longValue();
        if (withEvidence == 0) {
            return new Summary(routers, 0, peers, List.of());
        }
        List<Object[]> common = em.createNativeQuery("select f.fact_hash, min(f.fact_key), min(f.fact_value), count(*)"
                + " from evidence_fact f join evidence_snapshot s on s.id = f.snapshot_id join fleet_campaign_router c"
                + " on c.router_id = s.router_id where c.campaign_id = ?1 and s.latest = true group by f.fact_hash"
                + " having count(*) * 2 >= ?2 and count(*) >= 2", Object[].class).setParameter(1, campaignId)
                .setParameter(2, withEvidence).getResultList();
        if (common.isEmpty()) {
            return new Summary(routers, withEvidence, peers, List.of());
        }
        List<String> hashes = common.stream().map(row -> (String) row[0]).toList();
        Map<String, Long> amongPeers = new HashMap<>();
        em.createNativeQuery("select f.fact_hash, count(*) from evidence_fact f join evidence_snapshot s on"
                + " s.id = f.snapshot_id where s.latest = true and f.fact_hash in (?2) and s.model in (select model "
                        + "from"
                + " fleet_campaign_router where campaign_id = ?1) and s.router_id not in (select router_id from"
                + " fleet_campaign_router where campaign_id = ?1) group by f.fact_hash", Object[].class)
                .setParameter(1, campaignId).setParameter(2, hashes).getResultList()
                .forEach(row -> amongPeers.put((String) ((Object[]) row)[0],
                        ((Number) ((Object[]) row)[1]).longValue()));
        List<SharedFact> shared = new ArrayList<>();
        for (Object[] row : common) {
            long peerCount = amongPeers.getOrDefault((String) row[0], 0L);
            if (peerCount * 100 <= (long) config.unusualPercent() * peers) {
                shared.add(new SharedFact((String) row[1], (String) row[2], ((Number) row[3]).longValue(), peerCount));
            }
        }
        shared.sort((a, b) -> a.key().equals(b.key()) ? a.value().compareTo(b.value()) : a.key().compareTo(b.key()));
        return new Summary(routers, withEvidence, peers, shared);
    }
}
