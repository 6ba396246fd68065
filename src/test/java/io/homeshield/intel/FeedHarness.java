package io.homeshield.intel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.homeshield.infra.outbound.OutboundHttp;
import io.homeshield.infra.outbound.OutboundTargets;
import io.homeshield.infra.outbound.SystemHostResolver;
import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;
import io.vertx.core.Vertx;

/**
 * One provider feed read as the application reads it (the catalog with the default entry rules and
 * refusal threshold, the fetcher with https required), for tests outside this package: a test
 * publishes a version to the feed's file and reads it, then asks what is matched.
 */
public final class FeedHarness implements AutoCloseable {

    private final Path file;
    private final ThreatIntel intel = new ThreatIntel();
    private final SteppingClock clock = new SteppingClock(Feeds.NOW);
    private final Vertx vertx = Vertx.vertx();
    private final FeedCatalog catalog;

    /** A feed of {@code format} read from a file in {@code dir}, and one read from {@code url}. */
    public FeedHarness(Path dir, String format, String url) {
        this.file = dir.resolve("feed.txt");
        FeedFormat feedFormat = FeedFormat.valueOf(format);
        List<FeedDefinition> feeds = List.of(
                new FeedDefinition("file", "Attack feed", feedFormat, file.toString(), Duration.ofHours(1), true,
                        null, null),
                new FeedDefinition("url", "Remote feed", feedFormat, url, Duration.ofHours(1), true, null, null));
        OutboundHttp http = new OutboundHttp(new OutboundTargets(List.of(), new SystemHostResolver()), vertx, 2,
                Duration.ofSeconds(2));
        catalog = new FeedCatalog(feeds, new FeedFetcher(http, Duration.ofSeconds(5), 256L << 20, false), 0.05,
                new FeedEntryRules(16, 32), 0.10, clock, intel::install);
    }

    /** Writes this version to the feed's file and reads it; the feed's status afterwards. */
    public FeedStatus publish(String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return catalog.refresh("file").orElseThrow();
    }

    /** Reads the remote feed now; its status afterwards. */
    public FeedStatus refreshRemote() {
        return catalog.refresh("url").orElseThrow();
    }

    public Optional<Indicator> match(String destination) {
        return IpAddress.isValid(destination) ? intel.match(IpAddress.of(destination))
                : intel.match(DomainName.of(destination));
    }

    public int indicatorsInForce() {
        return intel.size();
    }

    /**
     * Reads a STIX bundle from {@code in} as the STIX format does, and returns how many indicators
     * it had taken in when the reader failed (or when it ended): a parser that reads the bundle as
     * a stream has taken in every indicator before the failure, one that needs the whole document
     * first has taken in none.
     */
    public static int stixIndicatorsReadBefore(Reader in) {
        FeedIndicators.Builder content = FeedIndicators.builder(new FeedEntryRules(16, 32));
        try {
            new StixBundleFeed().read(new BufferedReader(in), content);
        } catch (IOException | RuntimeException e) {
            // the end the reader put to it
        }
        return content.size();
    }

    @Override
    public void close() {
        vertx.close();
    }
}
