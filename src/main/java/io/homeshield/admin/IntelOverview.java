package io.homeshield.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.intel.Indicator;
import io.homeshield.intel.IntelConfig;
import io.homeshield.intel.ProviderIndicator;
import io.homeshield.intel.ProviderIndicatorService;
import io.homeshield.intel.ThreatFeeds;
import io.homeshield.intel.ThreatIntel;
import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

/** Reads what the threat-intel page shows: feeds, the provider's own indicators, a lookup. */
@ApplicationScoped
class IntelOverview {

    static final int OWN_LIMIT = 100;

    private final ThreatFeeds feeds;
    private final ThreatIntel intel;
    private final ProviderIndicatorService provider;
    private final FleetAlertSearch alerts;
    private final String ownFeedName;
    private final Clock clock;

    IntelOverview(ThreatFeeds feeds, ThreatIntel intel, ProviderIndicatorService provider, FleetAlertSearch alerts,
            IntelConfig config, Clock clock) {
        this.feeds = feeds;
        this.intel = intel;
        this.provider = provider;
        this.alerts = alerts;
        this.ownFeedName = config.providerFeedName();
        this.clock = clock;
    }

    @Transactional
    IntelView view(String lookupText, String ownQuery, boolean includeExpired, IndicatorForm add, String done) {
        Instant now = clock.instant();
        List<IntelView.Feed> feedRows = feeds.statuses().stream()
                .map(status -> new IntelView.Feed(status, ShownSource.of(status.source()))).toList();
        String own = ownQuery == null ? "" : ownQuery.strip();
        List<ProviderIndicator> found = provider.search(own, includeExpired, OWN_LIMIT + 1);
        List<IntelView.Own> ownRows = found.stream().limit(OWN_LIMIT)
                .map(row -> new IntelView.Own(row, row.inForceAt(now))).toList();
        long ownInForce = ProviderIndicator.count("expiredAt is null and (validUntil is null or validUntil > ?1)", now);
        return new IntelView(feedRows, ownFeedName, ownInForce, intel.size(), lookup(lookupText), own, includeExpired,
                ownRows, found.size() > OWN_LIMIT, add, done);
    }

    /** Whether a destination is listed by any feed, and how many alerts across the fleet name it. */
    private IndicatorLookup lookup(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            return null;
        }
        String understood = normalised(text);
        if (understood == null) {
            return new IndicatorLookup(text, null, null, 0);
        }
        return new IndicatorLookup(text, understood, listing(understood).orElse(null), alerts.countNaming(understood));
    }

    /** The indicator of any feed that lists this name or address (or a parent domain, or a range holding it). */
    Optional<Indicator> listing(String destination) {
        String understood = normalised(destination);
        if (understood == null) {
            return Optional.empty();
        }
        return IpAddress.isValid(understood) ? intel.match(IpAddress.of(understood))
                : intel.match(DomainName.of(understood));
    }

    /** An address or host name as matched, or null if the text is neither. */
    private static String normalised(String text) {
        if (IpAddress.isValid(text)) {
            return IpAddress.of(text).value();
        }
        try {
            return DomainName.of(text).value();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
