package io.homeshield.intel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

/**
 * The provider's threat intelligence: which destinations are known to be malicious. The set is
 * swapped whole, never edited in place, so readers need no lock; {@link ThreatFeeds} builds it from
 * the configured feeds and the provider's own indicators.
 */
@Singleton // called for every event: no client proxy in between
public class ThreatIntel {

    public static final String URLHAUS = "URLhaus (abuse.ch)";
    static final String BUNDLED_URLHAUS = "classpath:intel/urlhaus-filter-online.txt";

    private volatile IndicatorSet indicators = IndicatorSet.builder().build();

    /** Threat intel holding just the bundled feed, for use outside the container. */
    public static ThreatIntel bundled() {
        FeedDefinition urlhaus = new FeedDefinition("urlhaus", URLHAUS, FeedFormat.ADBLOCK, BUNDLED_URLHAUS, null,
                true, null, null);
        try {
            FeedFetcher.Fetched fetched = new FeedFetcher(null, Duration.ofSeconds(10), Long.MAX_VALUE, false)
                    .fetch(urlhaus.source(), FeedFetcher.Fetched.NOTHING_YET);
            IndicatorSet.Builder set = IndicatorSet.builder();
            FeedCatalog.read(urlhaus, fetched.body(), null).build().addTo(set, URLHAUS, Instant.now());
            ThreatIntel intel = new ThreatIntel();
            intel.install(set.build());
            return intel;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void install(IndicatorSet set) {
        indicators = set;
    }

    public Optional<Indicator> match(DomainName name) {
        return indicators.match(name);
    }

    public Optional<Indicator> match(IpAddress address) {
        return indicators.match(address);
    }

    /**
     * As {@link #match(IpAddress)} for a valid dotted quad already read as a number
     * ({@link io.homeshield.net.Ipv4Text#bits}): detectors read each flow's destination once.
     */
    public Optional<Indicator> matchIpv4(long bits, String dottedQuad) {
        return indicators.matchIpv4(bits, dottedQuad);
    }

    public int size() {
        return indicators.size();
    }
}
