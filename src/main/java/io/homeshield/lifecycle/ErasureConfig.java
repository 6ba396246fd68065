package io.homeshield.lifecycle;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When a requested erasure is carried out (docs/data-lifecycle.md). */
@ConfigMapping(prefix = "homeshield.erasure")
public interface ErasureConfig {

    /** How long after the request the household is erased; until then the owner or the provider may cancel. */
    @WithDefault("P30D")
    Duration gracePeriod();

    /** Erasure goes ahead after this even if a router never confirmed that HomeShield's entries are gone. */
    @WithDefault("P2D")
    Duration withdrawAtMost();

    /** How often due erasures are carried out, read by the job's schedule ({@code off} stops it). */
    @WithDefault("5m")
    String every();

    @WithDefault("PT4M")
    Duration lease();
}
