package io.homeshield.intel;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Threat intelligence settings: the feeds, keyed by a short id
 * ({@code homeshield.intel.feeds.urlhaus.format=adblock}), and how they are read.
 */
@ConfigMapping(prefix = "homeshield.intel")
public interface IntelConfig {

    /** How often due feeds are read and indicators' validity is checked. */
    @WithDefault("30s")
    Duration checkInterval();

    /** Deadline of a whole feed download, from connecting to the last byte. */
    @WithDefault("30s")
    Duration fetchTimeout();

    /** Whether feeds may be read over plain http; otherwise only https URLs are read. */
    @WithDefault("false")
    boolean allowHttp();

    /** Widest IPv4 range a feed entry may list, as a prefix length (16: a /16 at most). */
    @WithDefault("16")
    int widestIpv4Range();

    /** Widest IPv6 range a feed entry may list, as a prefix length. */
    @WithDefault("32")
    int widestIpv6Range();

    /**
     * A new version is refused whole, and the previous one stays, if more than this share of its
     * entries are refused (too wide, a public suffix, private addresses); below it they are left out.
     */
    @WithDefault("0.10")
    double maxRefusedShare();

    /** Largest feed read, in bytes. */
    @WithDefault("268435456")
    long maxFeedBytes();

    /** A new version is refused if more than this share of its entries cannot be read. */
    @WithDefault("0.05")
    double maxUnreadableShare();

    /** The name alerts give the indicators the provider's analysts confirmed. */
    @WithDefault("Provider's own feed")
    String providerFeedName();

    Map<String, Feed> feeds();

    interface Feed {

        /** The name alerts show; the id if not set. */
        Optional<String> name();

        FeedFormat format();

        /** {@code classpath:path}, a file path, or an http(s) URL. */
        String source();

        @WithDefault("6h")
        Duration refresh();

        @WithDefault("true")
        boolean enabled();

        /** Without a successful read for this long, the feed's indicators are no longer matched. */
        Optional<Duration> expireAfter();

        /** CSV feeds: the indicator's column, by header name or number from 1. */
        @WithDefault("1")
        String csvColumn();

        /** CSV feeds: whether the first line names the columns (implied by a column name). */
        @WithDefault("false")
        boolean csvHeader();

        @WithDefault(",")
        char csvDelimiter();
    }
}
