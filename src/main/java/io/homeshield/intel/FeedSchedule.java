package io.homeshield.intel;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * Reads due feeds, notices changes to the provider's feed made elsewhere, and lets validity run out.
 * Runs on every replica, not once per cluster: each replica matches against its own in-memory copy
 * of the feeds, which only its own read fills (conditional requests keep repeated reads cheap).
 */
@ApplicationScoped
class FeedSchedule {

    private final ThreatFeeds feeds;

    FeedSchedule(ThreatFeeds feeds) {
        this.feeds = feeds;
    }

    @Scheduled(every = "${homeshield.intel.check-interval:30s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        feeds.refreshDue();
    }
}
