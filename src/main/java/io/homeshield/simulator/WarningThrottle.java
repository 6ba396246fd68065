package io.homeshield.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Lets a warning through at most once per period, so a missing or busy ingest does not flood the log. */
final class WarningThrottle {

    private final Clock clock;
    private final Duration period;
    private Instant last;

    WarningThrottle(Clock clock, Duration period) {
        this.clock = clock;
        this.period = period;
    }

    synchronized boolean allows() {
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.plus(period))) {
            return false;
        }
        last = now;
        return true;
    }
}
