package io.homeshield.lifecycle;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Daily partitions of the high-volume tables on PostgreSQL (docs/data-lifecycle.md). */
@ConfigMapping(prefix = "homeshield.partitions")
public interface PartitionConfig {

    /** Days ahead whose partitions exist at any time, so a missed run or two never sends rows to the default. */
    @WithDefault("7")
    int daysAhead();

    /**
     * Days back whose partitions are created when missing: a router that was offline sends what it
     * kept, up to the ingest's max-event-age (30 days) old.
     */
    @WithDefault("31")
    int daysBack();

    /** How often the job creating them runs, on one replica (it also runs at start). */
    @WithDefault("6h")
    String every();

    /** How long a partition's creation or drop waits for the table's lock before it is left for the next run. */
    @WithDefault("5s")
    Duration lockTimeout();
}
