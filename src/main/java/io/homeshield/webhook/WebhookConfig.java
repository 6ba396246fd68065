package io.homeshield.webhook;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "homeshield.webhooks")
public interface WebhookConfig {

    /** How often new events are turned into deliveries, and due deliveries are sent. */
    @WithDefault("2s")
    String pollInterval();

    /**
     * Deadline of one delivery, from connecting to the last byte of the receiver's answer; a slower
     * (or trickling) receiver counts as failed and is retried. Connecting is bounded by
     * {@code homeshield.outbound.connect-timeout}.
     */
    @WithDefault("10s")
    Duration requestTimeout();

    /** Attempts before a delivery is given up as failed. */
    @WithDefault("8")
    int maxAttempts();

    /** First retry delay; doubles with each attempt up to {@link #maxBackoff()}. */
    @WithDefault("10s")
    Duration backoff();

    @WithDefault("1h")
    Duration maxBackoff();

    /** Most deliveries in flight from one instance; further due deliveries wait for the next pass. */
    @WithDefault("32")
    int maxInFlight();

    /** How long a claimed delivery belongs to the instance sending it; after that another may take it over. */
    @WithDefault("2m")
    Duration lease();
}
