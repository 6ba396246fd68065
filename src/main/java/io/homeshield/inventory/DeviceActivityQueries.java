package io.homeshield.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.homeshield.household.HouseholdId;
import io.homeshield.infra.SqlValues;

/** Reads a device's traffic roll-ups, always within one household. */
@ApplicationScoped
public class DeviceActivityQueries {

    /** Traffic in one hour; hours without traffic are absent. */
    public record HourlyTraffic(Instant hour, long bytesOut, long bytesIn, long flows, long lookups) {
    }

    public record TopDestination(String destination, long bytes, long connections) {
    }

    private final EntityManager em;

    DeviceActivityQueries(EntityManager em) {
        this.em = em;
    }

    /** Hourly traffic of the device from {@code since}, oldest first. */
    public List<HourlyTraffic> hourly(HouseholdId household, UUID deviceId, Instant since) {
        List<Object[]> rows = em.createNativeQuery("""
                select a.bucket_start, a.bytes_out, a.bytes_in, a.flows, a.lookups
                from device_activity a join device d on d.id = a.device_id
                where a.device_id = ?1 and d.household_id = ?2 and a.bucket_start >= ?3
                order by a.bucket_start
                """, Object[].class).setParameter(1, deviceId).setParameter(2, household.value())
                .setParameter(3, since).getResultList();
        return rows.stream().map(r -> new HourlyTraffic(SqlValues.instant(r[0]), num(r[1]), num(r[2]), num(r[3]),
                num(r[4])))
                .toList();
    }

    /** Where the device sent the most bytes from {@code since} (whole days), most first. */
    public List<TopDestination> topDestinations(HouseholdId household, UUID deviceId, Instant since, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select t.destination, sum(t.bytes) as bytes, sum(t.connections) as connections
                from device_destination t join device d on d.id = t.device_id
                where t.device_id = ?1 and d.household_id = ?2 and t.activity_day >= ?3
                group by t.destination order by bytes desc, t.destination limit ?4
                """, Object[].class).setParameter(1, deviceId).setParameter(2, household.value())
                .setParameter(3, LocalDate.ofInstant(since, ZoneOffset.UTC)).setParameter(4, limit).getResultList();
        return rows.stream().map(r -> new TopDestination((String) r[0], num(r[1]), num(r[2]))).toList();
    }

    private static long num(Object value) {
        return ((Number) value).longValue();
    }
}
