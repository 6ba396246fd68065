package io.homeshield.fleet.remediation;

import java.time.Duration;

/**
 * The guard rails of a job: a canary wave first, then waves of {@code waveSize} at most every
 * {@code waveInterval}, halting when more than {@code maxFailurePercent} of the routers handled
 * failed or did not come back.
 */
public record JobSettings(int canarySize, int waveSize, Duration waveInterval, int maxFailurePercent) {

    public JobSettings {
        if (canarySize < 1 || canarySize > 1000) {
            throw new IllegalArgumentException("canary: between 1 and 1,000 routers");
        }
        if (waveSize < 1 || waveSize > 10_000) {
            throw new IllegalArgumentException("wave size: between 1 and 10,000 routers");
        }
        if (waveInterval.isNegative() || waveInterval.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("wave interval: between 0 seconds and a day");
        }
        if (maxFailurePercent < 0 || maxFailurePercent > 100) {
            throw new IllegalArgumentException("failure threshold: a percentage from 0 to 100");
        }
    }

    /** How many waves {@code routers} routers take, the canary included. */
    public int waves(int routers) {
        if (routers <= 0) {
            return 0;
        }
        int rest = Math.max(0, routers - canarySize);
        return 1 + (rest + waveSize - 1) / waveSize;
    }
}
