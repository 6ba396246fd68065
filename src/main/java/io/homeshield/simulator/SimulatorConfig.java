package io.homeshield.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo households' simulated routers: on in dev mode, off everywhere else. */
@ConfigMapping(prefix = "homeshield.simulator")
public interface SimulatorConfig {

    /** Seeds the demo households and lets their routers post telemetry. */
    @WithDefault("false")
    boolean enabled();

    /** How often each simulated router posts a batch. */
    @WithDefault("5s")
    Duration interval();

    /** Seed of the traffic generator, so a demo plays out the same way each time. */
    @WithDefault("20251125")
    long seed();

    /** Where to post batches; by default this application's own ingest endpoint. */
    Optional<URI> ingestUrl();

    /** How long one post may take before the batch is tried again on the next round. */
    @WithDefault("5s")
    Duration requestTimeout();
}
