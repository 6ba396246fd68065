package io.homeshield.intel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

class FeedCatalogTest {

    @TempDir
    Path dir;

    private final SteppingClock clock = new SteppingClock(Feeds.NOW);
    private final ThreatIntel intel = new ThreatIntel();

    private FeedCatalog catalog(FeedDefinition... feeds) {
        return new FeedCatalog(List.of(feeds), new FeedFetcher(null, Duration.ofSeconds(5), 1 << 20, false), 0.05,
                clock,
                intel::install);
    }

    private FeedDefinition feed(String id, FeedFormat format, Path file, Duration expireAfter) {
        return new FeedDefinition(id, "Feed " + id, format, file.toString(), Duration.ofHours(1), true, expireAfter,
                null);
    }

    @Test
    void aBrokenVersionIsRefusedWithItsReasonAndThePreviousStaysInForce() throws IOException {
        Path file = dir.resolve("blocklist.hosts");
        Files.writeString(file, "0.0.0.0 c2.first.example\n0.0.0.0 c2.second.example\n");
        FeedCatalog catalog = catalog(feed("isac", FeedFormat.HOSTS, file, null));
        catalog.refreshDue(true);
        FeedStatus v1 = catalog.statuses().get(0);
        assertEquals(1, v1.current().number());
        assertEquals(2, v1.current().indicators());
        assertEquals(64, v1.current().checksum().length());
        assertTrue(intel.match(DomainName.of("c2.first.example")).isPresent());

        // the mirror answered with an error page instead of the list
        Files.writeString(file, "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body>\n</html>\n");
        FeedStatus refused = catalog.refresh("isac").orElseThrow();
        assertEquals(1, refused.current().number(), "still version 1");
        assertEquals("The download was refused: it lists no indicators; line 1: '<html>' is not a hosts entry"
                + " (an address, then host names) (version 1 stays in force).", refused.lastError());
        assertEquals(Feeds.NOW, refused.lastErrorAt());
        assertTrue(intel.match(DomainName.of("c2.first.example")).isPresent(), "version 1's indicators still match");
        assertTrue(refused.inForce());

        Files.writeString(file, "0.0.0.0 c2.third.example\n");
        FeedStatus v2 = catalog.refresh("isac").orElseThrow();
        assertEquals(2, v2.current().number());
        assertNull(v2.lastError());
        assertEquals(List.of(2, 1), v2.history().stream().map(FeedVersion::number).toList());
        assertTrue(intel.match(DomainName.of("c2.third.example")).isPresent());
        assertTrue(intel.match(DomainName.of("c2.first.example")).isEmpty());
    }

    @Test
    void aVersionWithTooManyUnreadableEntriesIsRefused() throws IOException {
        Path file = dir.resolve("list.txt");
        Files.writeString(file, "good.example\n");
        FeedCatalog catalog = catalog(feed("list", FeedFormat.DOMAINS, file, null));
        catalog.refreshDue(true);
        Files.writeString(file, "one.example\ntwo words\nthree words\n");
        FeedStatus status = catalog.refresh("list").orElseThrow();
        assertEquals("The download was refused: 2 of 3 entries could not be read, first line 2: 'two words' holds"
                + " more than one entry (expected one host name or address a line) (version 1 stays in force).",
                status.lastError());
        assertTrue(intel.match(DomainName.of("good.example")).isPresent());
        assertTrue(intel.match(DomainName.of("one.example")).isEmpty());
    }

    @Test
    void aTruncatedStixBundleIsRefusedAndAMissingFileSaysSo() throws IOException {
        Path file = dir.resolve("bundle.json");
        Files.writeString(file, StixBundleFeedTest.BUNDLE);
        FeedCatalog catalog = catalog(feed("stix", FeedFormat.STIX, file, null));
        catalog.refreshDue(true);
        assertTrue(intel.match(IpAddress.of("45.80.1.1")).isPresent());

        Files.writeString(file, StixBundleFeedTest.BUNDLE.substring(0, 900));
        String refused = catalog.refresh("stix").orElseThrow().lastError();
        assertTrue(refused.startsWith("The download was refused: not a JSON document (line "), refused);
        assertTrue(intel.match(IpAddress.of("45.80.1.1")).isPresent());

        Files.delete(file);
        assertEquals("The download could not be read: no file " + file + " (version 1 stays in force).",
                catalog.refresh("stix").orElseThrow().lastError());
    }

    @Test
    void anUnchangedFeedMakesNoNewVersionAndADueFeedIsReadAgainOnlyAfterItsInterval() throws IOException {
        Path file = dir.resolve("list.txt");
        Files.writeString(file, "good.example\n");
        FeedCatalog catalog = catalog(feed("list", FeedFormat.DOMAINS, file, null));
        catalog.refreshDue(true);
        Files.writeString(file, "good.example\nother.example\n");
        clock.advance(Duration.ofMinutes(30));
        catalog.refreshDue(true);
        assertEquals(1, catalog.statuses().get(0).current().number(), "not due yet");
        clock.advance(Duration.ofMinutes(31));
        catalog.refreshDue(true);
        assertEquals(2, catalog.statuses().get(0).current().number());
        clock.advance(Duration.ofHours(2));
        catalog.refreshDue(true);
        FeedStatus status = catalog.statuses().get(0);
        assertEquals(2, status.current().number(), "same content, same version");
        assertEquals(clock.instant(), status.lastCheckedAt());
    }

    @Test
    void indicatorsDropOutWhenTheirValidityEndsAndAFeedWhenItIsNotReadForTooLong() throws IOException {
        Path bundle = dir.resolve("bundle.json");
        Files.writeString(bundle, StixBundleFeedTest.BUNDLE);
        Path list = dir.resolve("list.txt");
        Files.writeString(list, "stale.example\n");
        FeedCatalog catalog = catalog(feed("stix", FeedFormat.STIX, bundle, null),
                feed("list", FeedFormat.DOMAINS, list, Duration.ofHours(12)));
        catalog.refreshDue(true);
        assertTrue(intel.match(IpAddress.of("198.51.100.7")).isPresent());
        assertTrue(intel.match(DomainName.of("stale.example")).isPresent());

        Files.delete(list);
        clock.advance(Duration.ofHours(12)); // the bundle says 198.51.100.7 is valid until the 25th, midnight
        catalog.refreshDue(true);
        assertTrue(intel.match(IpAddress.of("198.51.100.7")).isEmpty());
        assertTrue(intel.match(DomainName.of("stale.example")).isEmpty(), "not read for 12 hours");
        FeedStatus stale = catalog.statuses().get(1);
        assertFalse(stale.inForce());
        assertNotEquals(null, stale.lastError());
        assertTrue(intel.match(IpAddress.of("45.80.0.1")).isPresent(), "the bundle's other indicators stay");
    }

    @Test
    void theProvidersOwnIndicatorsComeFirst() throws IOException {
        Path file = dir.resolve("list.txt");
        Files.writeString(file, "c2.shared.example\n");
        FeedCatalog catalog = catalog(feed("list", FeedFormat.DOMAINS, file, null));
        catalog.refreshDue(true);
        assertEquals("Feed list", intel.match(DomainName.of("c2.shared.example")).orElseThrow().feed());
        catalog.provider("Provider's own feed",
                FeedIndicators.builder().domain(DomainName.of("c2.shared.example")).build());
        assertEquals("Provider's own feed", intel.match(DomainName.of("c2.shared.example")).orElseThrow().feed());
    }
}
