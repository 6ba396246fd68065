package io.homeshield.intel;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.homeshield.infra.outbound.OutboundHttp;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * The configured feeds and the provider's own indicators, kept loaded into {@link ThreatIntel}:
 * local feeds and the provider's feed at start, remote feeds right after, each feed again when its
 * refresh interval has passed, the provider's feed as soon as it changes. What the staff console
 * shows of the feeds comes from here.
 */
@ApplicationScoped
public class ThreatFeeds {

    private final FeedCatalog catalog;
    private final ProviderIndicatorService provider;
    private final String providerFeedName;
    private String providerFingerprint;

    ThreatFeeds(IntelConfig config, ThreatIntel intel, ProviderIndicatorService provider, OutboundHttp http,
            Clock clock) {
        this.catalog = new FeedCatalog(definitions(config),
                new FeedFetcher(http, config.fetchTimeout(), config.maxFeedBytes(), config.allowHttp()),
                config.maxUnreadableShare(), new FeedEntryRules(config.widestIpv4Range(), config.widestIpv6Range()),
                config.maxRefusedShare(), clock, intel::install);
        this.provider = provider;
        this.providerFeedName = config.providerFeedName();
    }

    void onStart(@Observes StartupEvent start) {
        reloadProvider();
        catalog.refreshDue(false);
        Log.infof("Threat intel: feeds %s loaded", catalog.ids());
    }

    /** Every feed and how it is doing. */
    public List<FeedStatus> statuses() {
        return catalog.statuses();
    }

    /** Reads a feed now rather than at its next refresh; empty if no feed has that id. */
    public Optional<FeedStatus> refresh(String feedId) {
        return catalog.refresh(feedId);
    }

    /** The host names feed {@code feedId} lists and are in force; none if no such feed or it is not in force. */
    public List<String> domainsInForce(String feedId) {
        return catalog.domainsInForce(feedId);
    }

    void refreshDue() {
        String fingerprint = provider.fingerprint();
        if (!fingerprint.equals(providerFingerprint)) {
            reloadProvider();
        }
        catalog.refreshDue(true);
    }

    void onProviderChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProviderFeedChanged change) {
        QuarkusTransaction.requiringNew().run(this::reloadProvider);
    }

    private synchronized void reloadProvider() {
        providerFingerprint = provider.fingerprint();
        catalog.provider(providerFeedName, provider.current());
    }

    static List<FeedDefinition> definitions(IntelConfig config) {
        return config.feeds().entrySet().stream().sorted(Map.Entry.comparingByKey()).map(entry -> {
            IntelConfig.Feed feed = entry.getValue();
            return new FeedDefinition(entry.getKey(), feed.name().orElse(entry.getKey()), feed.format(),
                    feed.source(), feed.refresh(), feed.enabled(), feed.expireAfter().orElse(null),
                    new CsvLayout(feed.csvColumn(), feed.csvHeader(), feed.csvDelimiter()));
        }).toList();
    }
}
