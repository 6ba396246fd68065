package io.homeshield.fleet.forensics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Evidence from routers ({@code homeshield.forensics.*}). */
@ConfigMapping(prefix = "homeshield.forensics")
public interface ForensicsConfig {

    /** Largest compressed snapshot kept; above it the largest files are left out, and the snapshot says so. */
    @WithDefault("16777216")
    long maxSnapshotBytes();

    /** Fewest routers of a model and firmware with evidence before the fleet norm is judged. */
    @WithDefault("5")
    int normMinimumRouters();

    /** A setting held by at most this share (percent) of a model's routers is unusual. */
    @WithDefault("5")
    int unusualPercent();
}
