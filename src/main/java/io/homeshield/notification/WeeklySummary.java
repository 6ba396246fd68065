package io.homeshield.notification;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A household's network over seven days: the devices on it, those that joined, the alerts raised and
 * the name lookups HomeShield checked and those that were blocked, each day's alerts and lookups for a chart.
 *
 * @param firstDay the first day (UTC)
 * @param lastDay the last day (UTC), included
 * @param devices devices seen on the network during the days
 * @param newDevices devices first seen during the days, oldest first
 * @param alerts alerts raised during the days
 * @param stillOpen of those, how many are still open or acknowledged
 * @param lookups name lookups the routers reported and HomeShield checked
 * @param blockedLookups lookups stopped by the household's blocked domains or the provider's resolver
 */
public record WeeklySummary(LocalDate firstDay, LocalDate lastDay, long devices, List<NewDevice> newDevices,
        long alerts, long stillOpen, long lookups, long blockedLookups, List<Day> days) {

    public WeeklySummary {
        newDevices = List.copyOf(newDevices);
        days = List.copyOf(days);
    }

    /** A device that joined, with the name people know it by. */
    public record NewDevice(UUID id, String name) {
    }

    /** One day's alerts and lookups. */
    public record Day(LocalDate day, long alerts, long lookups) {
    }

    /** The most alerts on one day; at least one, so a chart of a quiet week still has a scale. */
    public long mostAlerts() {
        return Math.max(1, days.stream().mapToLong(Day::alerts).max().orElse(0));
    }

    /** The most lookups on one day; at least one. */
    public long mostLookups() {
        return Math.max(1, days.stream().mapToLong(Day::lookups).max().orElse(0));
    }
}
