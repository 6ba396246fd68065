package io.homeshield.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.homeshield.alert.AlertMessages;
import io.homeshield.alert.AlertType;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.ManagementChannel;

/**
 * The fleet at a glance for analysts. Each figure is one grouped query over an index (see the V8
 * migration); nothing is loaded row by row.
 */
@ApplicationScoped
class FleetDashboard {

    static final int DAYS = 14;
    private static final int TOP = 10;
    private static final Duration FAILED_WINDOW = Duration.ofDays(7);
    private static final String[] COLOURS = { "#0a58a8", "#b42318", "#7a4300", "#1a5e2e", "#6941c6", "#c11574",
            "#026aa2", "#525d6b" };

    private final EntityManager em;
    private final Clock clock;

    FleetDashboard(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** The dashboard with alert titles and the chart's words in {@code locale}'s language. */
    FleetView view(Locale locale) {
        AlertMessages words = Words.alerts(locale);
        StaffMessages staff = Words.staff(locale);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<LocalDate> days = new ArrayList<>();
        for (int i = DAYS - 1; i >= 0; i--) {
            days.add(today.minusDays(i));
        }
        List<FleetView.TypeSeries> series = alertsByType(days, words);
        return new FleetView(DAYS, days, series, AlertChart.svg(days, series, staff.fleet_chartTitle(DAYS), locale),
                infected(), topIndicators(words), actionsByChannel());
    }

    private List<FleetView.TypeSeries> alertsByType(List<LocalDate> days, AlertMessages words) {
        Instant since = days.get(0).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Object[]> rows = rows("""
                select type, cast(created_at at time zone 'UTC' as date), count(*) from alert
                where created_at >= ?1 group by type, cast(created_at at time zone 'UTC' as date)""", since);
        Map<String, long[]> counts = new TreeMap<>();
        for (Object[] row : rows) {
            int index = days.indexOf(day(row[1]));
            if (index >= 0) {
                counts.computeIfAbsent((String) row[0], t -> new long[days.size()])[index] += number(row[2]);
            }
        }
        List<FleetView.TypeSeries> series = new ArrayList<>();
        int colour = 0;
        for (AlertType type : AlertType.values()) {
            long[] perDay = counts.remove(type.name());
            if (perDay != null) {
                series.add(new FleetView.TypeSeries(type.name(), words.alertTitle(type),
                        COLOURS[colour % COLOURS.length],
                        Arrays.stream(perDay).boxed().toList()));
            }
            colour++;
        }
        counts.forEach((type, perDay) -> series.add(new FleetView.TypeSeries(type, type,
                COLOURS[COLOURS.length - 1], Arrays.stream(perDay).boxed().toList())));
        return series;
    }

    private List<FleetView.InfectedKind> infected() {
        return rows("""
                select d.vendor, d.device_type, count(distinct d.id)
                from alert a join device d on d.id = a.device_id
                where a.status in ('OPEN', 'ACKNOWLEDGED')
                group by d.vendor, d.device_type
                order by count(distinct d.id) desc""").stream().limit(TOP)
                .map(r -> new FleetView.InfectedKind((String) r[0], DeviceType.valueOf((String) r[1]),
                        number(r[2]))).toList();
    }

    private List<FleetView.IndicatorHits> topIndicators(AlertMessages words) {
        Instant since = clock.instant().minus(Duration.ofDays(30));
        return rows("""
                select indicator, type, count(distinct household_id), sum(occurrences) from alert
                where created_at >= ?1 group by indicator, type
                order by count(distinct household_id) desc, sum(occurrences) desc""", since).stream().limit(TOP)
                .map(r -> new FleetView.IndicatorHits((String) r[0], title((String) r[1], words), number(r[2]),
                        number(r[3])))
                .toList();
    }

    private static String title(String type, AlertMessages words) {
        try {
            return words.alertTitle(AlertType.valueOf(type));
        } catch (IllegalArgumentException unknownType) {
            return type;
        }
    }

    private List<FleetView.ChannelActions> actionsByChannel() {
        Instant since = clock.instant().minus(FAILED_WINDOW);
        Map<String, long[]> byChannel = new TreeMap<>();
        for (Object[] r : rows("""
                select r.channel, a.state, count(*) from enforcement_action a join router r on r.id = a.router_id
                where a.state in ('REQUESTED', 'DISPATCHED') or (a.state = 'FAILED' and a.updated_at >= ?1)
                group by r.channel, a.state""", since)) {
            long[] counts = byChannel.computeIfAbsent((String) r[0], c -> new long[3]);
            int slot = switch ((String) r[1]) {
                case "REQUESTED" -> 0;
                case "DISPATCHED" -> 1;
                default -> 2;
            };
            counts[slot] += number(r[2]);
        }
        return byChannel.entrySet().stream()
                .map(e -> new FleetView.ChannelActions(ManagementChannel.valueOf(e.getKey()), e.getValue()[0],
                        e.getValue()[1], e.getValue()[2]))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static LocalDate day(Object value) {
        return value instanceof LocalDate d ? d : ((java.sql.Date) value).toLocalDate();
    }
}
