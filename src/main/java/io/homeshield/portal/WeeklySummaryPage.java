package io.homeshield.portal;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.homeshield.household.CurrentHousehold;
import io.homeshield.notification.WeeklySummaries;
import io.homeshield.notification.WeeklySummary;
import io.homeshield.web.PageLocale;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** "Your network this week": the household's last seven days in figures, and each day's alerts and lookups as bars. */
@Path("/portal/week")
@Produces(MediaType.TEXT_HTML)
class WeeklySummaryPage {

    /** Height of a chart's drawing area, in the SVG's units. */
    static final int CHART_HEIGHT = 100;
    static final int BAR_WIDTH = 28;
    static final int BAR_GAP = 12;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance week(WeekView view);
    }

    /** The week as the page shows it: dates in the reader's language and each chart's bars. */
    record WeekView(WeeklySummary summary, String firstDay, String lastDay, List<Chart> charts, int chartWidth) {
    }

    /** A bar chart of one figure per day; {@code id} is "alerts" or "lookups". */
    record Chart(String id, List<Bar> bars) {
    }

    /** One day's bar: where it stands, how tall it is, the day's short name and its value. */
    record Bar(int x, int y, int height, String day, long value) {

        public int middle() {
            return x + BAR_WIDTH / 2;
        }

        public int valueY() {
            return y - 3;
        }
    }

    private final CurrentHousehold current;
    private final WeeklySummaries summaries;
    private final PageLocale language;

    WeeklySummaryPage(CurrentHousehold current, WeeklySummaries summaries, PageLocale language) {
        this.current = current;
        this.summaries = summaries;
        this.language = language;
    }

    @GET
    public TemplateInstance week() {
        WeeklySummary summary = summaries.lastSevenDays(current.require());
        Locale locale = language.locale();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        DateTimeFormatter weekday = DateTimeFormatter.ofPattern("EEE d", locale);
        return Templates.week(new WeekView(summary, dates.format(summary.firstDay()), dates.format(summary.lastDay()),
                List.of(new Chart("alerts", bars(summary, WeeklySummary.Day::alerts, summary.mostAlerts(), weekday)),
                        new Chart("lookups", bars(summary, WeeklySummary.Day::lookups, summary.mostLookups(),
                                weekday))),
                summary.days().size() * (BAR_WIDTH + BAR_GAP)));
    }

    private static List<Bar> bars(WeeklySummary summary, ToLongFunction<WeeklySummary.Day> value, long most,
            DateTimeFormatter weekday) {
        List<Bar> bars = new ArrayList<>(summary.days().size());
        int x = BAR_GAP / 2;
        for (WeeklySummary.Day day : summary.days()) {
            long v = value.applyAsLong(day);
            int height = v == 0 ? 0 : Math.max(2, (int) Math.round((double) v * CHART_HEIGHT / most));
            bars.add(new Bar(x, CHART_HEIGHT - height, height, weekday.format(day.day()), v));
            x += BAR_WIDTH + BAR_GAP;
        }
        return bars;
    }
}
