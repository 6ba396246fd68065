package io.homeshield.intel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The provider's threat intelligence: which destinations are known to be malicious. Starts with
 * the bundled URLhaus feed; the set is swapped whole, never edited in place, so readers need no lock.
 */
@Startup
@ApplicationScoped
public class ThreatIntel {

    public static final String URLHAUS = "URLhaus (abuse.ch)";
    private static final String BUNDLED_URLHAUS = "intel/urlhaus-filter-online.txt";

    private volatile IndicatorSet indicators = IndicatorSet.builder().build();

    /** Threat intel holding just the bundled feed, for use outside the container. */
    public static ThreatIntel bundled() {
        ThreatIntel intel = new ThreatIntel();
        intel.loadBundledFeed();
        return intel;
    }

    @PostConstruct
    void loadBundledFeed() {
        long started = System.nanoTime();
        IndicatorSet.Builder builder = IndicatorSet.builder();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BUNDLED_URLHAUS)) {
            if (in == null) {
                throw new IllegalStateException("the bundled threat feed " + BUNDLED_URLHAUS + " is missing");
            }
            int skipped = AdblockHostFeed.read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                    URLHAUS, builder);
            indicators = builder.build();
            Log.infof("Threat intel: %d host indicators from %s in %d ms (%d lines not readable)", indicators.size(),
                    URLHAUS, (System.nanoTime() - started) / 1_000_000, skipped);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<Indicator> match(DomainName name) {
        return indicators.match(name);
    }

    public Optional<Indicator> match(IpAddress address) {
        return indicators.match(address);
    }

    public int size() {
        return indicators.size();
    }
}
