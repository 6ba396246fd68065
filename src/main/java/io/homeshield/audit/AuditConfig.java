package io.homeshield.audit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit chain's key, its sealing and the publication of its head. */
@ConfigMapping(prefix = "homeshield.audit")
public interface AuditConfig {

    /** Id of the key new entries are sealed with, stored with each entry (letters, digits, . _ -). */
    String keyId();

    /** The HMAC-SHA256 key (32 characters at least); from the environment, never from the database. */
    String key();

    /** Keys of earlier ids, still needed to check the entries they sealed: "id=key" items. */
    Optional<List<String>> retiredKeys();

    /** How often committed entries are chained. */
    @WithDefault("1s")
    Duration sealInterval();

    /** How often the chain head is published, e.g. 5m; "off" publishes only when asked. */
    @WithDefault("5m")
    String headPublishInterval();

    /** Where the signed chain head is also posted (the provider's SIEM); none: the log only. */
    Optional<String> headWebhookUrl();

    /** Deadline of one post of the head to the SIEM, whole exchange included. */
    @WithDefault("10s")
    Duration headWebhookTimeout();

    /** The last published head line to check the chain against when a check is not given one. */
    Optional<String> publishedHead();
}
