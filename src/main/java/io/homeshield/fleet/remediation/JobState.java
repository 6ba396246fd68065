package io.homeshield.fleet.remediation;

public enum JobState {
    /** Waves go out as the rate limit allows. */
    RUNNING,
    /** Stopped by itself (too many failures) or by an analyst; nothing new is sent until resumed. */
    HALTED,
    /** Every router was handled. */
    COMPLETED,
    /** Stopped for good by an analyst. */
    CANCELLED
}
