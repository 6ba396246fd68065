package io.homeshield.intel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Reads feeds in tests: text through one parser, and the bundled URLhaus list. */
final class Feeds {

    static final Instant NOW = Instant.parse("2025-10-24T12:00:00Z");

    private Feeds() {
    }

    static FeedIndicators.Builder parse(FeedParser parser, String text) {
        FeedIndicators.Builder content = FeedIndicators.builder();
        try {
            parser.read(new BufferedReader(new StringReader(text)), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return content;
    }

    static IndicatorSet set(FeedIndicators.Builder content, Instant now) {
        IndicatorSet.Builder set = IndicatorSet.builder();
        content.build().addTo(set, "test", now);
        return set.build();
    }

    static IndicatorSet set(FeedParser parser, String text) {
        return set(parse(parser, text), NOW);
    }

    /** The lines of the bundled URLhaus list. */
    static List<String> urlhausLines() {
        try (InputStream in = Feeds.class.getClassLoader().getResourceAsStream("intel/urlhaus-filter-online.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled list's whole-host names (not addresses, not URL rules). */
    static List<String> urlhausNames() {
        return urlhausLines().stream()
                .filter(line -> !line.isBlank() && !line.startsWith("!") && !line.startsWith("||"))
                .filter(line -> !io.homeshield.net.IpAddress.isValid(line))
                .toList();
    }
}
