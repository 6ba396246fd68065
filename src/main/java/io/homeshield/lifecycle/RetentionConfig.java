package io.homeshield.lifecycle;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long each class of household data is kept (docs/data-lifecycle.md gives the reasons). */
@ConfigMapping(prefix = "homeshield.retention")
public interface RetentionConfig {

    @WithDefault("P7D")
    Duration telemetryReceipts();

    @WithDefault("P35D")
    Duration hourlyRollups();

    /** Thirteen months: a year's comparison with the same month of the year before. */
    @WithDefault("P396D")
    Duration dailyRollups();

    @WithDefault("P730D")
    Duration alerts();

    @WithDefault("P730D")
    Duration actions();

    @WithDefault("P30D")
    Duration webhookDeliveries();

    @WithDefault("P30D")
    Duration idempotencyKeys();

    /** Batches that could not be applied: long enough for analysts to look and replay. */
    @WithDefault("P30D")
    Duration deadLetters();

    /** A household's entries in the audit log leave its activity log (they are pseudonymised) after this. */
    @WithDefault("P730D")
    Duration activityLog();

    /** Seven years: audit entries are removed after this, the chain re-anchored at the first one kept. */
    @WithDefault("P2557D")
    Duration auditLog();

    /** Evidence snapshots collected from routers: a year, for investigations that surface late. */
    @WithDefault("P365D")
    Duration evidence();

    /** How often the job runs, read by its schedule ({@code off} stops it). */
    @WithDefault("1h")
    String every();

    /** Rows one delete statement removes at most; each statement is a transaction of its own. */
    @WithDefault("5000")
    int batchSize();

    /** How long one replica holds the job once it started; a little shorter than the job's period. */
    @WithDefault("PT50M")
    Duration lease();
}
