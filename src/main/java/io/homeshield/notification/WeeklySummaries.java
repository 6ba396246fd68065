package io.homeshield.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.homeshield.alert.Alert;
import io.homeshield.enforcement.BlockedLookups;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.SqlValues;
import io.homeshield.inventory.Device;

/**
 * Works out a household's {@link WeeklySummary}: a handful of queries over the household's devices,
 * alerts and hourly roll-ups, whatever the size of the fleet.
 */
@ApplicationScoped
public class WeeklySummaries {

    static final int DAYS = 7;

    private final EntityManager em;
    private final BlockedLookups blockedLookups;
    private final Clock clock;

    WeeklySummaries(EntityManager em, BlockedLookups blockedLookups, Clock clock) {
        this.em = em;
        this.blockedLookups = blockedLookups;
        this.clock = clock;
    }

    /** The last seven days, today (UTC) included. */
    @Transactional
    public WeeklySummary lastSevenDays(HouseholdId household) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return of(household, today.minusDays(DAYS - 1L));
    }

    /** The seven days from {@code firstDay} (UTC). */
    @Transactional
    public WeeklySummary of(HouseholdId household, LocalDate firstDay) {
        Instant from = firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = firstDay.plusDays(DAYS).atStartOfDay(ZoneOffset.UTC).toInstant();
        long devices = Device.count("householdId = ?1 and lastSeen >= ?2 and firstSeen < ?3", household.value(), from,
                to);
        List<WeeklySummary.NewDevice> joined = Device.<Device>list(
                "householdId = ?1 and firstSeen >= ?2 and firstSeen < ?3 order by firstSeen", household.value(), from,
                        to)
                .stream().map(d -> new WeeklySummary.NewDevice(d.id, d.displayName())).toList();
        List<Alert> alerts = Alert.list("householdId = ?1 and createdAt >= ?2 and createdAt < ?3", household.value(),
                from, to);
        Map<LocalDate, long[]> byDay = new HashMap<>();
        for (Alert alert : alerts) {
            byDay.computeIfAbsent(day(alert.createdAt), d -> new long[2])[0]++;
        }
        long lookups = 0;
        for (Object[] hour : lookupsPerHour(household, from, to)) {
            long count = ((Number) hour[1]).longValue();
            byDay.computeIfAbsent(day(SqlValues.instant(hour[0])), d -> new long[2])[1] += count;
            lookups += count;
        }
        List<WeeklySummary.Day> days = new ArrayList<>(DAYS);
        for (int i = 0; i < DAYS; i++) {
            LocalDate day = firstDay.plusDays(i);
            long[] counts = byDay.getOrDefault(day, new long[2]);
            days.add(new WeeklySummary.Day(day, counts[0], counts[1]));
        }
        long stillOpen = alerts.stream().filter(a -> a.status.isActive()).count();
        long blocked = blockedLookups.perDay(household, firstDay, firstDay.plusDays(DAYS - 1L)).values().stream()
                .mapToLong(Long::longValue).sum();
        return new WeeklySummary(firstDay, firstDay.plusDays(DAYS - 1L), devices, joined, alerts.size(), stillOpen,
                lookups, blocked, days);
    }

    private List<Object[]> lookupsPerHour(HouseholdId household, Instant from, Instant to) {
        return em.createNativeQuery("""
                select a.bucket_start, sum(a.lookups) from device_activity a join device d on d.id = a.device_id
                where d.household_id = ?1 and a.bucket_start >= ?2 and a.bucket_start < ?3
                group by a.bucket_start""", Object[].class).setParameter(1, household.value()).setParameter(2, from)
                .setParameter(3, to).getResultList();
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
