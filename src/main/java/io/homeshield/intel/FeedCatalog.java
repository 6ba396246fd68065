package io.homeshield.intel;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.quarkus.logging.Log;

/**
 * The provider's feeds and the combined set built from them. Each feed is read when due; a read
 * that changes its content becomes a new version only if the content is usable, so a broken
 * download leaves the previous version in force and says why. The combined set is rebuilt whole
 * (the provider's own indicators first, then the feeds in configured order) whenever a version
 * changes, an indicator's validity starts or ends, or a feed expires, and handed to {@code install}.
 */
final class FeedCatalog {

    private final Map<String, FeedState> feeds = new LinkedHashMap<>();
    private final FeedFetcher fetcher;
    private final double maxUnreadableShare;
    private final FeedEntryRules rules;
    private final double maxRefusedShare;
    private final Clock clock;
    private final Consumer<IndicatorSet> install;
    private FeedIndicators providerIndicators = FeedIndicators.NONE;
    private String providerFeedName = "";
    private Instant nextChange;
    private int expectedNames = 16;

    FeedCatalog(List<FeedDefinition> definitions, FeedFetcher fetcher, double maxUnreadableShare, Clock clock,
            Consumer<IndicatorSet> install) {
        this(definitions, fetcher, maxUnreadableShare, new FeedEntryRules(16, 32), 0.10, clock, install);
    }

    /**
     * @param rules what entries may not condemn
     * @param maxRefusedShare a new version is refused whole if more than this share of its entries are refused
     */
    FeedCatalog(List<FeedDefinition> definitions, FeedFetcher fetcher, double maxUnreadableShare,
            FeedEntryRules rules, double maxRefusedShare, Clock clock, Consumer<IndicatorSet> install) {
        for (FeedDefinition definition : definitions) {
            feeds.put(definition.id(), new FeedState(definition));
        }
        this.fetcher = fetcher;
        this.maxUnreadableShare = maxUnreadableShare;
        this.rules = rules;
        this.maxRefusedShare = maxRefusedShare;
        this.clock = clock;
        this.install = install;
    }

    /**
     * Reads every enabled feed that is due (local ones only, if {@code includeRemote} is false) and rebuilds if
     * anything changed.
     */
    synchronized void refreshDue(boolean includeRemote) {
        Instant now = clock.instant();
        boolean changed = false;
        for (FeedState feed : feeds.values()) {
            if (feed.definition.enabled() && !now.isBefore(feed.nextRefreshAt)
                    && (includeRemote || !feed.definition.remote())) {
                changed |= load(feed, now);
            }
        }
        if (changed || nextChange != null && !now.isBefore(nextChange)) {
            rebuild(now);
        }
    }

    /** Reads one feed now, whatever its schedule; empty if there is no such feed. */
    synchronized Optional<FeedStatus> refresh(String id) {
        FeedState feed = feeds.get(id);
        if (feed == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (load(feed, now)) {
            rebuild(now);
        }
        return Optional.of(feed.status(now));
    }

    /** Replaces the provider's own indicators and rebuilds. */
    synchronized void provider(String feedName, FeedIndicators indicators) {
        providerFeedName = feedName;
        providerIndicators = indicators;
        rebuild(clock.instant());
    }

    /** The host names a feed lists and are in force now; none if the feed is unknown or not in force. */
    synchronized List<String> domainsInForce(String id) {
        Instant now = clock.instant();
        FeedState feed = feeds.get(id);
        if (feed == null || !feed.inForce(now)) {
            return List.of();
        }
        return feed.indicators.domainsInForce(now);
    }

    synchronized List<FeedStatus> statuses() {
        Instant now = clock.instant();
        return feeds.values().stream().map(feed -> feed.status(now)).toList();
    }

    private boolean load(FeedState feed, Instant now) {
        FeedDefinition definition = feed.definition;
        feed.lastAttemptAt = now;
        feed.nextRefreshAt = now.plus(definition.refresh());
        try {
            FeedFetcher.Fetched fetched = fetcher.fetch(definition.source(), feed.validators);
            if (fetched.notModified()) {
                return checked(feed, now);
            }
            String checksum = sha256(fetched.body());
            if (feed.current != null && feed.current.checksum().equals(checksum)) {
                feed.validators = new FeedFetcher.Fetched(null, fetched.etag(), fetched.lastModified());
                return checked(feed, now);
            }
            FeedIndicators.Builder content = read(definition, fetched.body(), rules);
            refuseIfUnusable(content);
            FeedVersion version = new FeedVersion(feed.nextVersionNumber(), content.size(), now, checksum);
            feed.accept(version, content.build(), content.unreadable());
            feed.validators = new FeedFetcher.Fetched(null, fetched.etag(), fetched.lastModified());
            checked(feed, now);
            Log.infof("Threat feed %s: version %d with %d indicators (%d entries not readable, %d refused%s)",
                    definition.name(), version.number(), version.indicators(), content.unreadable(), content.refused(),
                    content.firstRefusal() == null ? "" : ", first: " + content.firstRefusal());
            return true;
        } catch (IOException e) {
            return failed(feed, now, "could not be read: " + e.getMessage());
        } catch (MalformedFeedException e) {
            return failed(feed, now, "was refused: " + e.getMessage());
        }
    }

    /** A successful read; true if it brought an expired feed back into force. */
    private static boolean checked(FeedState feed, Instant now) {
        boolean wasInForce = feed.inForce(now);
        feed.lastCheckedAt = now;
        feed.lastError = null;
        feed.lastErrorAt = null;
        return !wasInForce;
    }

    private static boolean failed(FeedState feed, Instant now, String why) {
        String kept = feed.current == null ? "no version is in force yet"
                : "version " + feed.current.number() + " stays in force";
        feed.lastError = "The download " + why + " (" + kept + ").";
        feed.lastErrorAt = now;
        Log.warnf("Threat feed %s: %s", feed.definition.name(), feed.lastError);
        return false;
    }

    private void refuseIfUnusable(FeedIndicators.Builder content) {
        int entries = content.size() + content.unreadable() + content.refused();
        if (content.refused() > maxRefusedShare * entries) {
            throw new MalformedFeedException(content.refused() + " of " + entries + " entries would condemn too much ("
                    + content.firstRefusal() + ")");
        }
        if (content.size() == 0) {
            throw new MalformedFeedException("it lists no indicators"
                    + (content.firstProblem() == null ? "" : "; " + content.firstProblem()));
        }
        if (content.unreadable() > maxUnreadableShare * entries) {
            throw new MalformedFeedException(content.unreadable() + " of " + entries
                    + " entries could not be read, first " + content.firstProblem());
        }
    }

    static FeedIndicators.Builder read(FeedDefinition definition, byte[] body, FeedEntryRules rules)
            throws IOException {
        FeedIndicators.Builder content = rules == null ? FeedIndicators.builder() : FeedIndicators.builder(rules);
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8))) {
            definition.parser().read(in, content);
        }
        return content;
    }

    private void rebuild(Instant now) {
        long started = System.nanoTime();
        IndicatorSet.Builder set = IndicatorSet.builder(expectedNames);
        providerIndicators.addTo(set, providerFeedName, now);
        Instant next = providerIndicators.nextChangeAfter(now);
        for (FeedState feed : feeds.values()) {
            if (feed.inForce(now)) {
                feed.indicators.addTo(set, feed.definition.name(), now);
                next = earliest(next, feed.indicators.nextChangeAfter(now));
                next = earliest(next, feed.expiresAt());
            }
        }
        IndicatorSet built = set.build();
        install.accept(built);
        nextChange = next;
        expectedNames = Math.max(16, built.size());
        Log.debugf("Threat intel: %d indicators in force, built in %d ms", built.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> ids() {
        return new ArrayList<>(feeds.keySet());
    }
}
