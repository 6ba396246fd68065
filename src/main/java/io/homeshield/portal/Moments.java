package io.homeshield.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Times and sizes as people read them, in the page's language: "5 minutes ago", "12 Mar 2025, 14:03 UTC", "1.5 MB". */
@ApplicationScoped
@Named("time")
public class Moments {

    private static final String[] UNITS = { "B", "kB", "MB", "GB", "TB" };

    private final Clock clock;
    private final PageLocale pageLocale;

    Moments(Clock clock, PageLocale pageLocale) {
        this.clock = clock;
        this.pageLocale = pageLocale;
    }

    public String ago(Instant when) {
        PortalMessages m = pageLocale.messages();
        if (when == null) {
            return m.time_never();
        }
        Duration since = Duration.between(when, clock.instant());
        if (since.isNegative() || since.toSeconds() < 60) {
            return m.time_justNow();
        }
        if (since.toMinutes() < 60) {
            return m.time_minutesAgo(since.toMinutes());
        }
        if (since.toHours() < 24) {
            return m.time_hoursAgo(since.toHours());
        }
        if (since.toDays() < 2) {
            return m.time_yesterday();
        }
        if (since.toDays() < 30) {
            return m.time_daysAgo(since.toDays());
        }
        return at(when);
    }

    public String at(Instant when) {
        if (when == null) {
            return pageLocale.messages().time_never();
        }
        Locale locale = pageLocale.locale();
        String pattern = Locale.GERMAN.getLanguage().equals(locale.getLanguage()) ? "d. MMM yyyy, HH:mm 'UTC'"
                : "d MMM yyyy, HH:mm 'UTC'";
        return DateTimeFormatter.ofPattern(pattern, locale).withZone(ZoneOffset.UTC).format(when);
    }

    /** For {@code <time datetime>}. */
    public String iso(Instant when) {
        return when == null ? "" : when.toString();
    }

    /** Decimal units, one decimal below ten: "999 B", "1.5 kB", "25 MB". */
    public String bytes(long bytes) {
        return bytes(bytes, pageLocale.locale());
    }

    static String bytes(long bytes, Locale locale) {
        double value = Math.max(0, bytes);
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        String format = unit > 0 && value < 10 ? "%.1f %s" : "%.0f %s";
        return String.format(locale, format, value, UNITS[unit]);
    }
}
