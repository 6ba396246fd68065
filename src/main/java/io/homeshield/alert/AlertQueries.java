package io.homeshield.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.household.HouseholdId;

/** Reads alerts, always within one household. */
@ApplicationScoped
public class AlertQueries {

    public Optional<Alert> find(HouseholdId household, UUID alertId) {
        return Alert.find("id = ?1 and householdId = ?2", alertId, household.value()).firstResultOptional();
    }

    public List<Alert> list(HouseholdId household) {
        return Alert.list("householdId = ?1 order by status, lastSeen desc", household.value());
    }

    public List<Alert> forDevice(HouseholdId household, UUID deviceId) {
        return Alert.list("householdId = ?1 and deviceId = ?2 order by lastSeen desc", household.value(), deviceId);
    }

    /** Alerts still needing attention (open or acknowledged), newest first. */
    public List<Alert> active(HouseholdId household, int limit) {
        return Alert.find("householdId = ?1 and status in ?2 order by lastSeen desc", household.value(),
                List.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED)).page(0, limit).list();
    }

    /** Open alerts, newest first. */
    public List<Alert> openNewest(HouseholdId household, int limit) {
        return Alert.find("householdId = ?1 and status = ?2 order by lastSeen desc", household.value(),
                AlertStatus.OPEN).page(0, limit).list();
    }

    /** Dealt-with alerts (resolved or not a threat), newest first, from {@code offset}. */
    public List<Alert> history(HouseholdId household, int offset, int limit) {
        return Alert.find("householdId = ?1 and status in ?2 order by lastSeen desc, id", household.value(),
                List.of(AlertStatus.RESOLVED, AlertStatus.NOT_A_THREAT)).range(offset, offset + limit - 1).list();
    }

    public List<Alert> forDevice(HouseholdId household, UUID deviceId, int limit) {
        return Alert.find("householdId = ?1 and deviceId = ?2 order by lastSeen desc", household.value(), deviceId)
                .page(0, limit).list();
    }

    /** Alerts of these households raised, or moved to another status, after {@code since}. */
    public List<Alert> changedSince(Collection<UUID> households, Instant since) {
        return Alert.list("householdId in ?1 and (createdAt > ?2 or statusChangedAt > ?2)", households, since);
    }

    public long countOpen(HouseholdId household) {
        return Alert.count("householdId = ?1 and status = ?2", household.value(), AlertStatus.OPEN);
    }

    public long countOpen(HouseholdId household, UUID deviceId) {
        return Alert.count("householdId = ?1 and deviceId = ?2 and status = ?3", household.value(), deviceId,
                AlertStatus.OPEN);
    }

    /** Open alerts per device of the household, in one query; devices without any are absent. */
    public Map<UUID, Long> countOpenByDevice(HouseholdId household) {
        return Alert.getEntityManager()
                .createQuery("select a.deviceId, count(a) from Alert a where a.householdId = ?1 and a.status = ?2"
                        + " group by a.deviceId", Object[].class)
                .setParameter(1, household.value())
                .setParameter(2, AlertStatus.OPEN)
                .getResultList().stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (Long) row[1]));
    }
}
