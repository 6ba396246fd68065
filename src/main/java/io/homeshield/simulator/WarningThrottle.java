package io.homeshield.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.quarkus.logging.Log;

/** Logs a warning at most once per period, so a missing or busy ingest does not flood the log. */
final class WarningThrottle {

    private final Clock clock;
    private final Duration period;
    private Instant last;
    private int suppressed;

    WarningThrottle(Clock clock, Duration period) {
        this.clock = clock;
        this.period = period;
    }

    synchronized void warn(String message) {
        Instant now = clock.instant();
        if (last != null && now.isBefore(last.plus(period))) {
            suppressed++;
            return;
        }
        if (suppressed > 0) {
            Log.warnf("%s (%d similar warnings suppressed)", message, suppressed);
        } else {
            Log.warn(message);
        }
        last = now;
        suppressed = 0;
    }
}
