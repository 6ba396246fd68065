package io.homeshield.telemetry;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.infra.LruStripes;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;

/**
 * Keeps one router from taking the pipeline from the others: at most a few of its batches at once
 * and a number of events per minute, beyond which it is answered 429 with Retry-After. The state is
 * two counters per router in a bounded least-recently-used map, so a fleet of any size costs at most
 * {@code router-limiter-capacity} small entries.
 */
@ApplicationScoped
public class RouterIngestLimits {

    private static final long MINUTE_MILLIS = 60_000;

    private final LruStripes<UUID, Use> uses;
    private final TelemetryConfig config;
    private final Clock clock;

    RouterIngestLimits(TelemetryConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.uses = new LruStripes<>(64, config.routerLimiterCapacity());
    }

    /** What one router is using now: batches in flight and events in the current minute. */
    private static final class Use {
        int inFlight;
        long minute;
        long events;
    }

    /** Takes one of the router's places for a batch, or refuses with 429. Close the slot when done. */
    public Slot enter(UUID routerId) {
        Map<UUID, Use> stripe = uses.stripeOf(routerId);
        synchronized (stripe) {
            Use use = stripe.computeIfAbsent(routerId, id -> new Use());
            if (use.inFlight >= config.routerMaxConcurrentBatches()) {
                throw tooMany("This router already has " + use.inFlight + " batches being processed; send one batch "
                        + "at a time and the next after the answer.", config.retryAfter().toSeconds());
            }
            use.inFlight++;
            return new Slot(stripe, use);
        }
    }

    /**
     * Charges events to the router's minute without taking a place, for channels whose concurrency
     * is bounded otherwise (MQTT's workers); refuses with 429 when the minute's events are used up.
     */
    public void charge(UUID routerId, int events) {
        Map<UUID, Use> stripe = uses.stripeOf(routerId);
        synchronized (stripe) {
            charge(stripe.computeIfAbsent(routerId, id -> new Use()), events);
        }
    }

    /** Call holding the use's stripe. */
    private void charge(Use use, int events) {
        long now = clock.millis();
        long minute = now / MINUTE_MILLIS;
        if (use.minute != minute) {
            use.minute = minute;
            use.events = 0;
        }
        if (use.events + events > config.routerMaxEventsPerMinute()) {
            long secondsLeft = ((minute + 1) * MINUTE_MILLIS - now + 999) / 1000;
            throw tooMany("This router sent more than " + config.routerMaxEventsPerMinute()
                    + " events this minute; send the batch again after the Retry-After delay.", secondsLeft);
        }
        use.events += events;
    }

    private static ProblemException tooMany(String detail, long retryAfterSeconds) {
        return new ProblemException(ProblemType.TOO_MANY_REQUESTS, detail)
                .withHeader("Retry-After", String.valueOf(Math.max(1, retryAfterSeconds)));
    }

    /** One batch's place; {@link #count} charges its events to the router's minute. */
    public final class Slot implements AutoCloseable {

        private final Map<UUID, Use> stripe;
        private final Use use;
        private boolean closed;

        private Slot(Map<UUID, Use> stripe, Use use) {
            this.stripe = stripe;
            this.use = use;
        }

        /** Charges the batch's events, or refuses with 429 until the router's minute ends. */
        public void count(int events) {
            synchronized (stripe) {
                charge(use, events);
            }
        }

        @Override
        public void close() {
            synchronized (stripe) {
                if (!closed) {
                    closed = true;
                    use.inFlight--;
                }
            }
        }
    }
}
