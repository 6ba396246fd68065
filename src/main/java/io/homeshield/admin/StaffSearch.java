package io.homeshield.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import io.homeshield.net.IpAddress;
import io.homeshield.net.MacAddress;

/**
 * Finds households for staff by whatever the caller has at hand: an account number (or its start),
 * the household's name (its start), a router's serial number, a device's MAC or IP address. Each
 * search is one or a few index lookups (see the V8 migration), fast among millions of households.
 * A search only lists names and account numbers and writes nothing; opening a household is what the
 * audit log records.
 */
@ApplicationScoped
class StaffSearch {

    static final int LIMIT = 20;

    private final EntityManager em;

    StaffSearch(EntityManager em) {
        this.em = em;
    }

    @Transactional
    SearchResult search(String typed) {
        String query = typed == null ? "" : typed.strip();
        if (query.isEmpty()) {
            return new SearchResult("", "", List.of(), false);
        }
        Map<UUID, HouseholdHit> found = new LinkedHashMap<>();
        String understoodAs;
        if (MacAddress.isValid(query)) {
            understoodAs = "mac";
            add(found, byDeviceMac(MacAddress.of(query)));
            add(found, bySerial(query));
        } else if (IpAddress.isValid(query)) {
            understoodAs = "address";
            add(found, byDeviceAddress(IpAddress.of(query)));
        } else {
            understoodAs = "text";
            add(found, byAccountPrefix(query));
            add(found, bySerial(query));
            add(found, byNamePrefix(query));
        }
        List<HouseholdHit> hits = new ArrayList<>(found.values());
        boolean more = hits.size() > LIMIT;
        List<HouseholdHit> shown = more ? hits.subList(0, LIMIT) : hits;
        return new SearchResult(query, understoodAs, List.copyOf(shown), more);
    }

    private List<HouseholdHit> byAccountPrefix(String query) {
        return hits("""
                select h.id, h.account_number, h.display_name, 'Account number' as matched from household h
                where h.account_number like :p escape '\\'""",
                startsWith(query.toUpperCase(Locale.ROOT)));
    }

    private List<HouseholdHit> byNamePrefix(String query) {
        return hits("""
                select h.id, h.account_number, h.display_name, 'Name' as matched from household h
                where lower(h.display_name) like :p escape '\\'""",
                startsWith(query.toLowerCase(Locale.ROOT)));
    }

    /** Serials as typed, and in capitals if typed otherwise (labels print them in capitals). */
    private List<HouseholdHit> bySerial(String query) {
        List<HouseholdHit> hits = new ArrayList<>(bySerialPrefix(query));
        String upper = query.toUpperCase(Locale.ROOT);
        if (!upper.equals(query)) {
            hits.addAll(bySerialPrefix(upper));
        }
        return hits;
    }

    private List<HouseholdHit> bySerialPrefix(String prefix) {
        return hits("""
                select h.id, h.account_number, h.display_name, 'Router serial ' || r.serial_number as matched
                from router r join household h on h.id = r.household_id
                where r.serial_number like :p escape '\\'""", startsWith(prefix));
    }

    private List<HouseholdHit> byDeviceMac(MacAddress mac) {
        return hits("""
                select h.id, h.account_number, h.display_name, 'Device MAC ' || d.mac as matched
                from device d join household h on h.id = d.household_id
                where d.mac = :p""", mac.value());
    }

    /** LAN addresses repeat from one household to the next: the first matches, unsorted, so it stays an index walk. */
    private List<HouseholdHit> byDeviceAddress(IpAddress address) {
        return hits("""
                select h.id, h.account_number, h.display_name, 'Device address ' || d.ip_address as matched
                from device d join household h on h.id = d.household_id
                where d.ip_address = :p""", address.value());
    }

    /**
     * The first matches in index order: no ORDER BY, which in the database's collation would sort
     * every match of a common prefix before the limit applies. The columns' types are stated, not
     * left to the driver: H2 hands a native query's uuid over as bytes.
     */
    @SuppressWarnings("unchecked")
    private List<HouseholdHit> hits(String sql, String parameter) {
        List<Object[]> rows = em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("id", StandardBasicTypes.UUID)
                .addScalar("account_number", StandardBasicTypes.STRING)
                .addScalar("display_name", StandardBasicTypes.STRING)
                .addScalar("matched", StandardBasicTypes.STRING)
                .setParameter("p", parameter).setMaxResults(LIMIT + 1)
                .getResultList();
        return rows.stream().map(r -> new HouseholdHit((UUID) r[0], (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    private static void add(Map<UUID, HouseholdHit> found, List<HouseholdHit> hits) {
        hits.forEach(hit -> found.putIfAbsent(hit.id(), hit));
    }

    /** A LIKE pattern matching what starts with {@code prefix}, taken literally. */
    static String startsWith(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
