package io.homeshield.household;

import java.time.Duration;

import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Live streams of people: how many each may hold open, and how often an open one checks it may go on. */
@ConfigMapping(prefix = "homeshield.streams")
public interface StreamConfig {

    /** Streams open at once per person on one instance; one more is answered 429. */
    @WithDefault("5")
    @Positive
    int maxPerPerson();

    /** How often an open stream checks that its person is still a member and their token still valid. */
    @WithDefault("30s")
    Duration checkInterval();
}
