package io.homeshield.lifecycle;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Household archives prepared in the background (docs/data-lifecycle.md). */
@ConfigMapping(prefix = "homeshield.export")
public interface ExportConfig {

    /** How long a prepared archive can be downloaded; it is deleted afterwards. */
    @WithDefault("PT48H")
    Duration linkValid();

    /** How often waiting archives are looked for ({@code off} stops it); a new request wakes the writer at once. */
    @WithDefault("5s")
    String every();
}
