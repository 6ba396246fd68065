package io.homeshield.notification;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** E-mail notifications to household members ({@code homeshield.notifications.*}). */
@ConfigMapping(prefix = "homeshield.notifications")
public interface NotificationConfig {

    /**
     * How often the immediate mails' job runs ({@code @Scheduled} reads it; "off" in tests, which send when they ask).
     */
    @WithName("immediate-every")
    String immediateEvery();

    /** When the digest of the day before goes out (a cron expression in UTC; "off" in tests). */
    @WithName("digest-cron")
    String digestCron();

    /** When the summary of the week before goes out (a cron expression in UTC; "off" in tests). */
    @WithName("weekly-cron")
    String weeklyCron();

    /**
     * Serious alerts created this long ago at most are still e-mailed at once (after an outage, older ones go in no
     * mail).
     */
    @WithDefault("1h")
    Duration lookback();

    /** An e-mail the SMTP server refused this often is given up. */
    @WithName("max-attempts")
    @WithDefault("5")
    int maxAttempts();

    /** Most e-mails one pass sends. */
    @WithName("batch-size")
    @WithDefault("100")
    int batchSize();
}
