package io.homeshield.routers.openwrt;

import java.time.Duration;
import java.time.Instant;

/**
 * An rpcd session on one router. Changes staged with {@code uci add/set/delete} live in the session
 * that made them (rpcd keeps a change directory per session), so the adapter counts what it staged here:
 * an {@code apply} that finds nothing after something was staged means the session lost the change.
 */
final class UbusSession {

    private final UbusRouter router;
    private final String id;
    private final Duration timeout;
    private volatile Instant lastUsed;
    private volatile int staged;

    UbusSession(UbusRouter router, String id, Duration timeout, Instant lastUsed) {
        this.router = router;
        this.id = id;
        this.timeout = timeout;
        this.lastUsed = lastUsed;
    }

    UbusRouter router() {
        return router;
    }

    String id() {
        return id;
    }

    boolean expired(Instant now) {
        return !now.isBefore(lastUsed.plus(timeout));
    }

    void used(Instant now) {
        lastUsed = now;
    }

    void stagedOne() {
        staged++;
    }

    boolean hasStaged() {
        return staged > 0;
    }

    void nothingStaged() {
        staged = 0;
    }
}
