package io.homeshield.intel;

import java.time.Instant;
import java.util.List;

/**
 * How a feed is doing, as the staff console shows it.
 *
 * @param current the version in force, null if none has loaded yet
 * @param inForce whether its indicators are matched now (false while disabled, before a first
 *        load, or once the version is older than the feed's expiry)
 * @param lastCheckedAt the last time the source was read successfully, changed or not
 * @param lastError why the last attempt failed or its content was refused; null once a later attempt succeeds
 * @param unreadableEntries entries of the current version that could not be read and were left out
 * @param history recent versions, newest first
 */
public record FeedStatus(String id, String name, FeedFormat format, String source, boolean enabled,
        FeedVersion current, boolean inForce, Instant lastAttemptAt, Instant lastCheckedAt, String lastError,
        Instant lastErrorAt, int unreadableEntries, Instant nextRefreshAt, List<FeedVersion> history) {
}
