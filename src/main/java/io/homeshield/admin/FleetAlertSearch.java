package io.homeshield.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertStatus;
import io.homeshield.alert.AlertType;
import io.homeshield.intel.ProviderIndicatorService;
import io.homeshield.inventory.Device;

/** Alerts across every household, filtered by type, status, indicator (its start) and age. */
@ApplicationScoped
class FleetAlertSearch {

    static final int LIMIT = 100;

    /** What the analyst asked for; null fields do not filter. */
    record Filter(AlertType type, AlertStatus status, String indicator, int days) {
    }

    private final EntityManager em;
    private final Clock clock;

    FleetAlertSearch(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    List<FleetAlertRow> search(Filter filter) {
        StringBuilder jpql = new StringBuilder("""
                select a, h.accountNumber, d from Alert a join Household h on h.id = a.householdId
                left join Device d on d.id = a.deviceId where a.createdAt >= :since""");
        Instant since = clock.instant().minus(Duration.ofDays(filter.days()));
        if (filter.type() != null) {
            jpql.append(" and a.type = :type");
        }
        if (filter.status() != null) {
            jpql.append(" and a.status = :status");
        }
        String indicator = filter.indicator() == null ? "" : filter.indicator().strip().toLowerCase(Locale.ROOT);
        if (!indicator.isEmpty()) {
            jpql.append(" and lower(a.indicator) like :indicator escape '\\'");
        }
        jpql.append(" order by a.createdAt desc");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class).setParameter("since", since)
                .setMaxResults(LIMIT);
        if (filter.type() != null) {
            query.setParameter("type", filter.type().name());
        }
        if (filter.status() != null) {
            query.setParameter("status", filter.status());
        }
        if (!indicator.isEmpty()) {
            query.setParameter("indicator", StaffSearch.startsWith(indicator));
        }
        return query.getResultList().stream().map(FleetAlertSearch::row).toList();
    }

    /** One alert with its household and device (none for an alert about the router), wherever in the fleet it is. */
    Optional<FleetAlertRow> find(UUID alertId) {
        return em.createQuery("""
                select a, h.accountNumber, d from Alert a join Household h on h.id = a.householdId
                left join Device d on d.id = a.deviceId where a.id = :id""", Object[].class)
                .setParameter("id", alertId).getResultStream().findFirst().map(FleetAlertSearch::row);
    }

    private static FleetAlertRow row(Object[] r) {
        Alert alert = (Alert) r[0];
        Device device = (Device) r[2];
        return new FleetAlertRow(alert, alert.householdId, (String) r[1], device == null ? "" : device.displayName(),
                device == null ? null : device.vendor, ProviderIndicatorService.destination(alert).orElse(null));
    }

    /** Alerts across the fleet whose indicator is exactly this destination. */
    long countNaming(String indicator) {
        return em.createQuery("select count(a) from Alert a where lower(a.indicator) = :v", Long.class)
                .setParameter("v", indicator.toLowerCase(Locale.ROOT)).getSingleResult();
    }
}
