package io.homeshield.api.v1;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import io.homeshield.alert.AlertStatus;
import io.homeshield.api.v1.Pages.NamePosition;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.Device;

/**
 * One page of a household's devices, filtered and ordered by name in the database: the name the
 * app shows ({@link Device#displayName()}) in lower case, then the id. Only the page is read.
 */
@ApplicationScoped
class DeviceListQuery {

    /** {@link Device#displayName()} in the query language. */
    private static final String NAME = "case when d.userLabel is not null and trim(d.userLabel) <> '' then d.userLabel"
            + " when d.hostname is not null and trim(d.hostname) <> '' then d.hostname"
            + " when d.vendor is not null then concat(d.vendor, ' device')"
            + " else concat('Unknown device ', d.mac) end";
    private static final String SORT_NAME = "lower(" + NAME + ")";

    /** A device of the page with the name it is ordered by, as the database lower-cased it. */
    record Row(Device device, String sortName) {

        String key() {
            return NamePosition.key(sortName, device.id);
        }
    }

    private final EntityManager db;

    DeviceListQuery(EntityManager db) {
        this.db = db;
    }

    /** The devices after {@code after} (from the first when null), at most {@code count}. */
    List<Row> read(HouseholdId household, DeviceViews.Filter filter, NamePosition after, int count) {
        StringBuilder where = new StringBuilder("d.householdId = :household");
        filter.online().ifPresent(o -> where.append(" and d.online = :online"));
        filter.type().ifPresent(t -> where.append(" and d.type = :type"));
        filter.quarantined().ifPresent(q -> where.append(q ? " and" : " and not")
                .append(" exists (select 1 from DeviceQuarantine q where q.deviceId = d.id)"));
        String text = text(filter);
        if (text != null) {
            where.append(" and (").append(SORT_NAME).append(" like :text escape '!'");
            for (String field : List.of("d.hostname", "d.vendor", "d.mac", "d.ipAddress")) {
                where.append(" or lower(").append(field).append(") like :text escape '!'");
            }
            where.append(")");
        }
        if (after != null) {
            where.append(" and (").append(SORT_NAME).append(" > :name or (").append(SORT_NAME)
                    .append(" = :name and d.id > :id))");
        }
        TypedQuery<Object[]> query = db.createQuery("select d, " + SORT_NAME + " from Device d where " + where
                + " order by " + SORT_NAME + ", d.id", Object[].class)
                .setParameter("household", household.value())
                .setMaxResults(count);
        filter.online().ifPresent(o -> query.setParameter("online", o));
        filter.type().ifPresent(t -> query.setParameter("type", t));
        if (text != null) {
            query.setParameter("text", text);
        }
        if (after != null) {
            query.setParameter("name", after.name()).setParameter("id", after.id());
        }
        return query.getResultList().stream().map(row -> new Row((Device) row[0], (String) row[1])).toList();
    }

    /** The {@code like} pattern of the text filter, its wildcards taken literally; null when there is none. */
    private static String text(DeviceViews.Filter filter) {
        if (filter.text() == null || filter.text().isBlank()) {
            return null;
        }
        String literal = filter.text().strip().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + literal + "%";
    }

    /** Open alerts of each of these devices, in one query; devices without any are absent. */
    Map<UUID, Long> openAlerts(HouseholdId household, List<UUID> deviceIds) {
        return db.createQuery("select a.deviceId, count(a) from Alert a where a.householdId = :household"
                + " and a.status = :open and a.deviceId in :devices group by a.deviceId", Object[].class)
                .setParameter("household", household.value())
                .setParameter("open", AlertStatus.OPEN)
                .setParameter("devices", deviceIds)
                .getResultList().stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1]));
    }

    static List<UUID> ids(List<Row> rows) {
        return rows.stream().map(r -> r.device().id).toList();
    }
}
