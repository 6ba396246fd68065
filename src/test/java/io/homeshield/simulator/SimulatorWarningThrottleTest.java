package io.homeshield.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SimulatorWarningThrottleTest {

    /** A clock the test moves by hand. */
    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void letsOneWarningThroughPerMinute() {
        SteppingClock clock = new SteppingClock();
        WarningThrottle throttle = new WarningThrottle(clock, Duration.ofMinutes(1));

        assertTrue(throttle.allows());
        clock.advance(Duration.ofSeconds(5));
        assertFalse(throttle.allows());
        clock.advance(Duration.ofSeconds(54));
        assertFalse(throttle.allows());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(throttle.allows());
        assertFalse(throttle.allows());
    }
}
