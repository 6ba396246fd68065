package io.homeshield.fleet.forensics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * How a snapshot compares with the newest snapshots of every router of its model and firmware:
 * the settings few of them share ("3 of 412 routers of this model have this DNS server"). Settings
 * that differ on nearly every router (serial numbers, addresses, uptimes) are identities, not
 * anomalies, and are left out: a setting counts only where most routers that have the parameter
 * agree on one value.
 */
@ApplicationScoped
public class FleetNorm {

    /** The comparison: how many routers it was made against, and the unusual settings. */
    public record Comparison(long routers, int minimum, boolean tooFew, List<UnusualFact> unusual) {
    }

    public record UnusualFact(String key, String value, long routers, long of) {
    }

    private final ForensicsConfig config;

    FleetNorm(ForensicsConfig config) {
        this.config = config;
    }

    public Comparison of(EvidenceSnapshot snapshot) {
        EntityManager em = EvidenceSnapshot.getEntityManager();
        long routers = EvidenceSnapshot.count("latest = true and model = ?1 and firmware = ?2", snapshot.model,
                snapshot.firmware);
        if (routers < config.normMinimumRouters()) {
            return new Comparison(routers, config.normMinimumRouters(), true, List.of());
        }
        long unusualAtMost = Math.max(1, routers * config.unusualPercent() / 100);
        List<Object[]> rare = em.createNativeQuery("select mine.fact_key, mine.fact_value, count(*) from evidence_fact"
                + " mine join evidence_fact f on f.fact_hash = mine.fact_hash join evidence_snapshot s on"
                + " s.id = f.snapshot_id where mine.snapshot_id = ?1 and s.latest = true and s.model = ?2 and"
                + " s.firmware = ?3 group by mine.fact_key, mine.fact_value having count(*) <= ?4", Object[].class)
                .setParameter(1, snapshot.id).setParameter(2, snapshot.model).setParameter(3, snapshot.firmware)
                .setParameter(4, unusualAtMost).getResultList();
        if (rare.isEmpty()) {
            return new Comparison(routers, config.normMinimumRouters(), false, List.of());
        }
        List<String> keys = rare.stream().map(row -> (String) row[0]).distinct().toList();
        Map<String, long[]> agreement = agreement(em, snapshot, keys);
        List<UnusualFact> unusual = new ArrayList<>();
        for (Object[] row : rare) {
            long[] having = agreement.get((String) row[0]);
            boolean settled = having != null && having[1] * 2 >= having[0];
            if (settled) {
                unusual.add(new UnusualFact((String) row[0], (String) row[1], ((Number) row[2]).longValue(), routers));
            }
        }
        unusual.sort((a, b) -> a.key().equals(b.key()) ? a.value().compareTo(b.value()) : a.key().compareTo(b.key()));
        return new Comparison(routers, config.normMinimumRouters(), false, unusual);
    }

    /** Per parameter: how many routers of the group have it, and how many share its most common value. */
    private static Map<String, long[]> agreement(EntityManager em, EvidenceSnapshot snapshot, List<String> keys) {
        Map<String, long[]> out = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("select f.fact_key, f.fact_hash, count(*) from evidence_fact f join"
                + " evidence_snapshot s on s.id = f.snapshot_id where s.latest = true and s.model = ?1 and"
                + " s.firmware = ?2 and f.fact_key in (?3) group by f.fact_key, f.fact_hash", Object[].class)
                .setParameter(1, snapshot.model).setParameter(2, snapshot.firmware).setParameter(3, keys)
                .getResultList();
        for (Object[] row : rows) {
            long count = ((Number) row[2]).longValue();
            out.merge((String) row[0], new long[] { 0, count }, (a, b) -> new long[] { 0, Math.max(a[1], b[1]) });
        }
        List<Object[]> having = em.createNativeQuery(
                "select f.fact_key, count(distinct f.snapshot_id) from evidence_fact"
                + " f join evidence_snapshot s on s.id = f.snapshot_id where s.latest = true and s.model = ?1 and"
                + " s.firmware = ?2 and f.fact_key in (?3) group by f.fact_key", Object[].class)
                .setParameter(1, snapshot.model).setParameter(2, snapshot.firmware).setParameter(3, keys)
                .getResultList();
        for (Object[] row : having) {
            out.computeIfAbsent((String) row[0], k -> new long[2])[0] = ((Number) row[1]).longValue();
        }
        return out;
    }
}
