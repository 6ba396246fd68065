package io.homeshield.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.homeshield.web.PageLocale;
import io.quarkus.arc.Arc;

/**
 * Times and sizes as people read them, in the page's language: "5 minutes ago", "12 Mar 2025, 14:03 CET" in the
 * person's time zone, "1.5 MB".
 */
@ApplicationScoped
@Named("time")
public class Moments {

    private static final String[] UNITS = { "B", "kB", "MB", "GB", "TB" };

    private final Clock clock;
    private final PageLocale pageLocale;
    private final PageTimeZone pageZone;

    Moments(Clock clock, PageLocale pageLocale, PageTimeZone pageZone) {
        this.clock = clock;
        this.pageLocale = pageLocale;
        this.pageZone = pageZone;
    }

    /** The page's time zone, for scripts that draw times (the chart's axis). */
    public String zoneName() {
        return zone().getId();
    }

    private ZoneId zone() {
        return Arc.container().requestContext().isActive() ? pageZone.zone() : PageTimeZone.UTC;
    }

    /** "just now · 7 Dec, 14:03": the relative time with the absolute one beside it, for lists. */
    public String agoAt(Instant when) {
        if (when == null) {
            return PortalBundles.messages(pageLocale.locale()).time_never();
        }
        if (Duration.between(when, clock.instant()).toDays() >= 30) {
            return at(when);
        }
        String pattern = isGerman() ? "d. MMM, HH:mm" : "d MMM, HH:mm";
        return ago(when) + " · " + DateTimeFormatter.ofPattern(pattern,
                pageLocale.locale()).withZone(zone()).format(when);
    }

    private boolean isGerman() {
        return Locale.GERMAN.getLanguage().equals(pageLocale.locale().getLanguage());
    }

    public String ago(Instant when) {
        PortalMessages m = PortalBundles.messages(pageLocale.locale());
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
            return PortalBundles.messages(pageLocale.locale()).time_never();
        }
        String pattern = isGerman() ? "d. MMM yyyy, HH:mm z" : "d MMM yyyy, HH:mm z";
        return DateTimeFormatter.ofPattern(pattern, pageLocale.locale()).withZone(zone()).format(when);
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
