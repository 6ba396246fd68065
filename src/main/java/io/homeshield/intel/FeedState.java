package io.homeshield.intel;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** One feed's versions and attempts; guarded by the {@link FeedCatalog} that owns it. */
final class FeedState {

    private static final int HISTORY = 10;

    final FeedDefinition definition;
    FeedIndicators indicators = FeedIndicators.NONE;
    FeedVersion current;
    int unreadable;
    FeedFetcher.Fetched validators = FeedFetcher.Fetched.NOTHING_YET;
    Instant lastAttemptAt;
    Instant lastCheckedAt;
    String lastError;
    Instant lastErrorAt;
    Instant nextRefreshAt = Instant.MIN;
    private final Deque<FeedVersion> history = new ArrayDeque<>();

    FeedState(FeedDefinition definition) {
        this.definition = definition;
    }

    void accept(FeedVersion version, FeedIndicators content, int unreadableEntries) {
        current = version;
        indicators = content;
        unreadable = unreadableEntries;
        history.addFirst(version);
        while (history.size() > HISTORY) {
            history.removeLast();
        }
    }

    int nextVersionNumber() {
        return current == null ? 1 : current.number() + 1;
    }

    /** When this feed's indicators stop being matched for want of a fresh read, or null if never. */
    Instant expiresAt() {
        return definition.expireAfter() == null || lastCheckedAt == null ? null
                : lastCheckedAt.plus(definition.expireAfter());
    }

    boolean inForce(Instant now) {
        Instant expires = expiresAt();
        return definition.enabled() && current != null && (expires == null || now.isBefore(expires));
    }

    FeedStatus status(Instant now) {
        return new FeedStatus(definition.id(), definition.name(), definition.format(), definition.source(),
                definition.enabled(), current, inForce(now), lastAttemptAt, lastCheckedAt, lastError, lastErrorAt,
                unreadable, definition.enabled() ? nextRefreshAt : null, List.copyOf(history));
    }
}
