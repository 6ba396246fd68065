package io.homeshield.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import io.homeshield.alert.AlertStatus;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.Device;

/**
 * A household's devices as its people, the provider's staff and its apps see them: filtered and
 * ordered by name in the database (the name the app shows, {@link Device#displayName()}, in lower
 * case, then the id), each with its quarantine in effect and its open alerts. The portal's list
 * puts the devices needing attention first; the API pages by name and reads only the page.
 */
@ApplicationScoped
public class DeviceListQueries {

    /** A device first seen this recently counts as new. */
    private static final Duration NEW_DEVICE = Duration.ofHours(24);

    /** {@link Device#displayName()} in the query language. */
    private static final String NAME = "case when d.userLabel is not null and trim(d.userLabel) <> '' then d.userLabel"
            + " when d.hostname is not null and trim(d.hostname) <> '' then d.hostname"
            + " when d.vendor is not null then concat(d.vendor, ' device')"
            + " else concat('Unknown device ', d.mac) end";
    private static final String SORT_NAME = "lower(" + NAME + ")";
    private static final String QUARANTINE_IN_EFFECT = "exists (select 1 from DeviceQuarantine q"
            + " where q.deviceId = d.id and (q.expiresAt is null or q.expiresAt > :now))";

    private final EntityManager db;
    private final QuarantineService quarantines;
    private final Clock clock;

    DeviceListQueries(EntityManager db, QuarantineService quarantines, Clock clock) {
        this.db = db;
        this.quarantines = quarantines;
        this.clock = clock;
    }

    /** Every device of the household, the ones needing attention first. */
    public List<DeviceRow> rows(HouseholdId household) {
        List<ListedDevice> all = byName(household, DeviceFilter.ALL, null, null, Integer.MAX_VALUE);
        NewDevices news = new NewDevices(all.stream().map(ListedDevice::device).toList(),
                clock.instant().minus(NEW_DEVICE));
        return all.stream().map(d -> new DeviceRow(d.device(), d.quarantine() != null, d.openAlerts() > 0,
                news.isNew(d.device()))).sorted(DeviceRow.ATTENTION_FIRST).toList();
    }

    /**
     * The devices the filter lets through, ordered by name then id, after the device named
     * {@code afterName} with id {@code afterId} (from the first when null), at most {@code count}.
     */
    public List<ListedDevice> byName(HouseholdId household, DeviceFilter filter, String afterName, UUID afterId,
            int count) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder("d.householdId = :household");
        filter.online().ifPresent(o -> where.append(" and d.online = :online"));
        filter.type().ifPresent(t -> where.append(" and d.type = :type"));
        filter.quarantined().ifPresent(q -> where.append(q ? " and " : " and not ").append(QUARANTINE_IN_EFFECT));
        String text = likePattern(filter.text());
        if (text != null) {
            where.append(" and (").append(SORT_NAME).append(" like :text escape '!'");
            for (String field : List.of("d.hostname", "d.vendor", "d.mac", "d.ipAddress")) {
                where.append(" or lower(").append(field).append(") like :text escape '!'");
            }
            where.append(")");
        }
        if (afterName != null) {
            where.append(" and (").append(SORT_NAME).append(" > :name or (").append(SORT_NAME)
                    .append(" = :name and d.id > :id))");
        }
        TypedQuery<Object[]> query = db.createQuery("select d, " + SORT_NAME + " from Device d where " + where
                + " order by " + SORT_NAME + ", d.id", Object[].class)
                .setParameter("household", household.value())
                .setMaxResults(count);
        filter.online().ifPresent(o -> query.setParameter("online", o));
        filter.type().ifPresent(t -> query.setParameter("type", t));
        filter.quarantined().ifPresent(q -> query.setParameter("now", now));
        if (text != null) {
            query.setParameter("text", text);
        }
        if (afterName != null) {
            query.setParameter("name", afterName).setParameter("id", afterId);
        }
        List<Object[]> rows = query.getResultList();
        List<UUID> ids = rows.stream().map(row -> ((Device) row[0]).id).toList();
        Map<UUID, DeviceQuarantine> quarantined = quarantinesInEffect(ids, now);
        Map<UUID, Long> openAlerts = openAlerts(household, ids);
        return rows.stream().map(row -> {
            Device device = (Device) row[0];
            return new ListedDevice(device, (String) row[1], quarantined.get(device.id),
                    openAlerts.getOrDefault(device.id, 0L));
        }).toList();
    }

    /** The household's devices under a quarantine still in effect. */
    public Set<UUID> quarantinedDevices(HouseholdId household) {
        return quarantines.quarantinesOf(household).values().stream().filter(q -> inEffect(q, clock.instant()))
                .map(q -> q.deviceId).collect(Collectors.toSet());
    }

    /** The device's quarantine, while it is in effect. */
    public Optional<DeviceQuarantine> activeQuarantine(HouseholdId household, UUID deviceId) {
        return quarantines.quarantineOf(household, deviceId).filter(q -> inEffect(q, clock.instant()));
    }

    private Map<UUID, DeviceQuarantine> quarantinesInEffect(List<UUID> deviceIds, Instant now) {
        if (deviceIds.isEmpty()) {
            return Map.of();
        }
        return db.createQuery("select q from DeviceQuarantine q where q.deviceId in :devices", DeviceQuarantine.class)
                .setParameter("devices", deviceIds).getResultList().stream()
                .filter(q -> inEffect(q, now))
                .collect(Collectors.toMap(q -> q.deviceId, Function.identity()));
    }

    /** Open alerts of each of these devices, in one query; devices without any are absent. */
    private Map<UUID, Long> openAlerts(HouseholdId household, List<UUID> deviceIds) {
        if (deviceIds.isEmpty()) {
            return Map.of();
        }
        return db.createQuery("select a.deviceId, count(a) from Alert a where a.householdId = :household"
                + " and a.status = :open and a.deviceId in :devices group by a.deviceId", Object[].class)
                .setParameter("household", household.value())
                .setParameter("open", AlertStatus.OPEN)
                .setParameter("devices", deviceIds)
                .getResultList().stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1]));
    }

    private static boolean inEffect(DeviceQuarantine quarantine, Instant now) {
        return quarantine.expiresAt == null || quarantine.expiresAt.isAfter(now);
    }

    /** The {@code like} pattern of the text filter, its wildcards taken literally; null when there is none. */
    private static String likePattern(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String literal = text.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + literal + "%";
    }
}
