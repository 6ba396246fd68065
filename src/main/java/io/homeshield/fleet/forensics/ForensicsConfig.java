package io.homeshield.fleet.forensics;

import java.time.Duration;

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

    /**
     * The address routers reach HomeShield's ingest at; upload URLs start with it. Read again for each
     * upload (see {@code EvidenceUploadSlots}), as it may name the port the server got when it started.
     */
    String uploadBaseUrl();

    /** Largest file a router may upload as evidence; a larger one is refused with 413 and named in the snapshot. */
    @WithDefault("8388608")
    long uploadMaxBytes();

    /** How long an upload address handed to a router stays valid. */
    @WithDefault("15m")
    Duration uploadValidFor();

    /**
     * How long a collection waits for the router's upload before it names the file as not collected;
     * well below the dispatcher's lease ({@code homeshield.enforcement.lease}), which the wait holds.
     */
    @WithDefault("60s")
    Duration uploadWait();
}
