package io.homeshield.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Times as people read them: "5 minutes ago", "12 Mar 2025, 14:03 UTC". */
@ApplicationScoped
@Named("time")
public class Moments {

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Clock clock;

    Moments(Clock clock) {
        this.clock = clock;
    }

    public String ago(Instant when) {
        if (when == null) {
            return "never";
        }
        Duration since = Duration.between(when, clock.instant());
        if (since.isNegative() || since.toSeconds() < 60) {
            return "just now";
        }
        if (since.toMinutes() < 60) {
            return plural(since.toMinutes(), "minute") + " ago";
        }
        if (since.toHours() < 24) {
            return plural(since.toHours(), "hour") + " ago";
        }
        if (since.toDays() < 2) {
            return "yesterday";
        }
        if (since.toDays() < 30) {
            return since.toDays() + " days ago";
        }
        return at(when);
    }

    public String at(Instant when) {
        return when == null ? "never" : AT.format(when);
    }

    /** For {@code <time datetime>}. */
    public String iso(Instant when) {
        return when == null ? "" : when.toString();
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
