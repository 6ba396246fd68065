package io.homeshield.enforcement;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "homeshield.enforcement")
public interface EnforcementConfig {

    /** How often the dispatcher looks for due actions. */
    @WithDefault("1s")
    String dispatchInterval();

    /** How often quarantines are read back from their routers (once across all replicas). */
    @WithDefault("5m")
    String reconcileInterval();

    /** How long after start the first read-back waits. */
    @WithDefault("30s")
    String reconcileDelay();

    /** How often quarantines whose time is up are lifted (once across all replicas). */
    @WithDefault("15s")
    String expiryInterval();

    /** Most actions one dispatcher pass claims. */
    @WithDefault("50")
    int batchSize();

    /** Routers served at the same time; each router's own actions still go one after another. */
    @WithDefault("16")
    int parallelism();

    /**
     * Read-backs of an applied change that does not show before the action is given up as failed; also
     * the attempts a router operation (restart, reset, firmware) gets while its router cannot be reached.
     */
    @WithDefault("6")
    int maxAttempts();

    /**
     * How long an action is retried while its router cannot be reached or asks to try later; a router
     * switched off for the night still gets its quarantine when it comes back.
     */
    @WithDefault("24h")
    Duration giveUpAfter();

    /** First retry delay; doubles with each attempt up to {@link #maxBackoff()}. */
    @WithDefault("2s")
    Duration backoff();

    @WithDefault("5m")
    Duration maxBackoff();

    /** This application instance's name among its replicas (the pod name in Kubernetes). */
    String instanceId();

    /** How long a claimed action belongs to the instance that claimed it; after that another may take it over. */
    @WithDefault("2m")
    Duration lease();

    /**
     * How recent a finding of the router's own telemetry about a device must be to corroborate an
     * alert that only exported flows showed, before automatic quarantine acts on it.
     */
    @WithDefault("24h")
    Duration corroborationWindow();
}
