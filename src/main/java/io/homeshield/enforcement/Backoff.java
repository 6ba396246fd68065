package io.homeshield.enforcement;

import java.time.Duration;

/** Retry delays that double from {@code first} with each attempt, up to {@code max}. */
record Backoff(Duration first, Duration max) {

    Duration after(int attempts) {
        Duration delay = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
