package io.homeshield.telemetry;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "homeshield.telemetry")
public interface TelemetryConfig {

    /** Secret key mixed into every stored router-credential hash; set from the environment in production. */
    String credentialPepper();

    /** Most events one batch may carry. */
    @WithDefault("5000")
    int maxEventsPerBatch();

    /** Largest batch body in bytes. */
    @WithDefault("4194304")
    int maxBatchBytes();

    /** Batches processed at the same time; more wait briefly, then are told to retry. */
    @WithDefault("8")
    int maxConcurrentBatches();

    /** How long a batch may wait for a place in the pipeline before the router is told to retry. */
    @WithDefault("250ms")
    Duration admissionWait();

    /** The Retry-After a router gets when the pipeline is full. */
    @WithDefault("5s")
    Duration retryAfter();

    /**
     * Opens {@code POST /ingest/v1/parse-only}, which authenticates, reads and validates a batch and
     * applies nothing: the ceiling the ingest benchmark measures against. Never on in production.
     */
    @WithDefault("false")
    boolean benchmarkEndpoint();
}
