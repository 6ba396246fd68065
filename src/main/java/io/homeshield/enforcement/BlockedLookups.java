package io.homeshield.enforcement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.homeshield.household.HouseholdId;
import io.homeshield.intel.rpz.ResolverStops;
import io.homeshield.net.DomainName;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.TelemetryEvent;

/**
 * Lookups that were stopped, as the routers report them, counted per household and day: the device was
 * answered "no such domain" (or the unspecified address) for a name its household blocks, or the
 * provider's resolver stopped it ({@link ResolverStops}, as the household's alert says). The blocked
 * domains of a group's households are read with one query, and only once a batch of the group holds a
 * refusal, so ordinary traffic pays nothing.
 */
@ApplicationScoped
public class BlockedLookups {

    private static final Set<String> REFUSING_CODES = Set.of("NXDOMAIN", "REFUSED");

    /** Standard MERGE: PostgreSQL and H2 alike; the sum saturates instead of failing the group. */
    private static final String ADD = """
            merge into blocked_lookup_day t
            using (values (cast(?1 as uuid), cast(?2 as date), cast(?3 as bigint)))
                as s (household_id, lookup_day, lookups)
            on t.household_id = s.household_id and t.lookup_day = s.lookup_day
            when matched then update set lookups = least(t.lookups, 9223372036854775807 - s.lookups) + s.lookups
            when not matched then insert (household_id, lookup_day, lookups)
                values (s.household_id, s.lookup_day, s.lookups)
            """;

    private final EntityManager em;
    private final ResolverStops resolverStops;

    @Inject
    BlockedLookups(EntityManager em, ResolverStops resolverStops) {
        this.em = em;
        this.resolverStops = resolverStops;
    }

    /** An empty tally, to gather the counts of batches stored together. */
    public Tally tally() {
        return new Tally();
    }

    /** The stopped lookups of a household per day (UTC) from {@code from} to {@code to}, both included. */
    @Transactional
    public Map<LocalDate, Long> perDay(HouseholdId household, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> out = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("select lookup_day, lookups from blocked_lookup_day"
                + " where household_id = ?1 and lookup_day between ?2 and ?3", Object[].class)
                .setParameter(1, household.value()).setParameter(2, from).setParameter(3, to).getResultList();
        for (Object[] row : rows) {
            out.put(localDate(row[0]), ((Number) row[1]).longValue());
        }
        return out;
    }

    private static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** A refusal the household's own blocks give: a refusal code or the unspecified address. */
    private static boolean refused(DnsEvent lookup) {
        if (lookup.rcode() != null && REFUSING_CODES.contains(lookup.rcode())) {
            return true;
        }
        return lookup.answers() != null && lookup.answers().stream()
                .anyMatch(answer -> "0.0.0.0".equals(answer) || "::".equals(answer));
    }

    /** Whether the provider's resolver stopped the lookup (its walled garden, or NXDOMAIN for a name of its zone). */
    private boolean stoppedByProvider(DnsEvent lookup) {
        return resolverStops.stoppedWith(lookup.query(), lookup.rcode(), lookup.answers()) != null;
    }

    /** The blocked domains of these households, read when a batch of theirs first needs them. */
    public Blocks blocksOf(Set<UUID> households) {
        return new Blocks(households);
    }

    /** The blocked domains of a group's households; a name is blocked when it or one of its parents is listed. */
    public final class Blocks {

        private final Set<UUID> households;
        private Map<UUID, Set<String>> domains;

        private Blocks(Set<UUID> households) {
            this.households = households;
        }

        private Set<String> of(UUID household) {
            if (domains == null) {
                domains = new HashMap<>();
                List<Object[]> rows = em.createQuery("select b.householdId, b.domain from DomainBlock b"
                        + " where b.householdId in ?1", Object[].class).setParameter(1, households).getResultList();
                for (Object[] row : rows) {
                    domains.computeIfAbsent((UUID) row[0], h -> new HashSet<>()).add((String) row[1]);
                }
            }
            return domains.getOrDefault(household, Set.of());
        }
    }

    private static boolean covered(String query, Set<String> domains) {
        if (domains.isEmpty()) {
            return false;
        }
        DomainName looked;
        try {
            looked = DomainName.of(query);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (DomainName name = looked; name != null; name = name.parent()) {
            if (domains.contains(name.value())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A batch's stopped lookups, per household and day; an ordinary batch (no stopping answer in it)
     * costs neither a query nor a map. {@code blocks} must hold the household.
     */
    public Tally count(HouseholdId household, List<TelemetryEvent> events, Instant sentAt, Blocks blocks) {
        Tally tally = new Tally();
        List<DnsEvent> refused = null;
        for (TelemetryEvent event : events) {
            if (!(event instanceof DnsEvent dns)) {
                continue;
            }
            if (stoppedByProvider(dns)) {
                tally.add(dns, household, sentAt);
            } else if (refused(dns)) {
                if (refused == null) {
                    refused = new ArrayList<>();
                }
                refused.add(dns);
            }
        }
        if (refused == null) {
            return tally;
        }
        Set<String> blocked = blocks.of(household.value());
        for (DnsEvent dns : refused) {
            if (covered(dns.query(), blocked)) {
                tally.add(dns, household, sentAt);
            }
        }
        return tally;
    }

    /** Stopped lookups per household and day, written together for the batches of one store. */
    public final class Tally {

        private record Key(UUID household, LocalDate day) {
        }

        private Map<Key, Long> counts;

        private Tally() {
        }

        private void add(DnsEvent lookup, HouseholdId household, Instant sentAt) {
            Instant at = lookup.at() != null ? lookup.at() : sentAt;
            add(new Key(household.value(), LocalDate.ofInstant(at, ZoneOffset.UTC)), 1L);
        }

        private void add(Key key, long count) {
            if (counts == null) {
                counts = new HashMap<>();
            }
            counts.merge(key, count, Long::sum);
        }

        /** Adds another tally's counts to this one (a batch's, when the batches of many are stored together). */
        public void addAll(Tally other) {
            if (other.counts != null) {
                other.counts.forEach(this::add);
            }
        }

        /** Adds the counts to the household's days, in the caller's transaction. */
        public void write() {
            if (counts == null) {
                return;
            }
            for (Map.Entry<Key, Long> count : counts.entrySet()) {
                em.createNativeQuery(ADD).setParameter(1, count.getKey().household())
                        .setParameter(2, count.getKey().day()).setParameter(3, count.getValue()).executeUpdate();
            }
            counts = null;
        }
    }
}
