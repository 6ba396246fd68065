package io.homeshield.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.homeshield.intel.FeedHarness;
import io.homeshield.intel.FeedStatus;

/**
 * A threat feed (compromised, or simply wrong) tries to cut households off: a range as wide as the
 * Internet, a public suffix, the addresses of their own networks. Each such entry is refused; a
 * version made mostly of them is refused whole and the previous version stays in force; a feed URL
 * over plain http is not read; a STIX bundle of any size is read as a stream.
 */
class ThreatFeedAttacksTest {

    private static final String BASELINE = IntStream.rangeClosed(1, 20)
            .mapToObj(i -> "c2-" + i + ".baseline-feed.example").collect(Collectors.joining("\n")) + "\n";

    @TempDir
    Path dir;
    private FeedHarness feed;

    @BeforeEach
    void firstVersion() {
        feed = new FeedHarness(dir, "DOMAINS", "http://feeds.example.net/blocklist.txt");
        FeedStatus first = feed.publish(BASELINE);
        assertEquals(1, first.current().number(), first.lastError());
    }

    @AfterEach
    void close() {
        feed.close();
    }

    @ParameterizedTest(name = "{0} is refused (it would cut off {1})")
    @CsvSource({
        "0.0.0.0/0, 8.8.8.8",
        "::/0, 2001:4860:4860::8888",
        "1.0.0.0/8, 1.2.3.4",
        "45.0.0.0/8, 45.1.2.3",
        "100.0.0.0/12, 100.1.2.3",
        "2600::/16, 2600:1::1",
        "com, google.com",
        "co.uk, bbc.co.uk",
        "uk, example.uk",
        "ddns.net, family-nas.ddns.net",
        "github.io, someone.github.io",
        "localhost, localhost",
        "10.0.0.0/8, 10.1.2.3",
        "10.1.0.0/16, 10.1.2.3",
        "172.16.0.0/12, 172.16.5.5",
        "192.168.1.0/24, 192.168.1.10",
        "100.64.0.0/16, 100.64.1.1",
        "127.0.0.1, 127.0.0.1",
        "169.254.169.254, 169.254.169.254",
        "0.0.0.0, 0.0.0.0",
        "224.0.0.0/16, 224.0.0.251",
        "::1, ::1",
        "fe80::1, fe80::1",
        "fd12:3456::/32, fd12:3456::1",
    })
    void anEntryThatWouldCondemnTooMuchIsRefusedAndAVersionOfThemChangesNothing(String entry, String reach) {
        FeedStatus status = feed.publish(entry + "\nfresh-c2.attack-feed.example\n");

        assertEquals(1, status.current().number(), "the previous version stays in force");
        assertTrue(status.lastError().contains("1 of 2 entries would condemn too much"), status.lastError());
        assertTrue(status.lastError().contains("version 1 stays in force"), status.lastError());
        assertTrue(feed.match(reach).isEmpty(), entry + " matches nothing");
        assertTrue(feed.match("fresh-c2.attack-feed.example").isEmpty(), "nothing of the refused version is in force");
        assertTrue(feed.match("c2-7.baseline-feed.example").isPresent(), "the previous version still protects");
    }

    @Test
    void aFeedWithHalfItsEntriesBadIsRefusedWholeAndThePreviousVersionStays() {
        String version = IntStream.rangeClosed(1, 50).mapToObj(i -> "new-c2-" + i + ".attack-feed.example\n"
                + (i % 2 == 0 ? i + ".0.0.0/8" : "10." + i + ".0.0/16")).collect(Collectors.joining("\n"));
        FeedStatus status = feed.publish(version);

        assertEquals(1, status.current().number());
        assertTrue(status.inForce());
        assertTrue(status.lastError().startsWith("The download was refused: 50 of 100 entries would condemn too much"),
                status.lastError());
        assertEquals(20, feed.indicatorsInForce(), "exactly the previous version is in force");
        assertTrue(feed.match("new-c2-1.attack-feed.example").isEmpty());
        assertTrue(feed.match("10.3.1.1").isEmpty());
        assertTrue(feed.match("c2-1.baseline-feed.example").isPresent());
    }

    @Test
    void aFewBadEntriesAreLeftOutAndTheRestOfTheVersionIsApplied() {
        FeedStatus status = feed.publish(BASELINE + "new-c2.attack-feed.example\n10.0.0.0/8\n");

        assertEquals(2, status.current().number(), "1 of 22 entries refused is below the threshold");
        assertNull(status.lastError());
        assertEquals(21, status.current().indicators());
        assertTrue(feed.match("new-c2.attack-feed.example").isPresent());
        assertTrue(feed.match("10.1.2.3").isEmpty(), "the refused entry is left out");
    }

    @Test
    void aFeedUrlOverPlainHttpIsNotRead() {
        FeedStatus status = feed.refreshRemote();

        assertNull(status.current());
        assertTrue(status.lastError().contains("must use https"), status.lastError());
        assertTrue(status.lastError().contains("homeshield.intel.allow-http"), status.lastError());
        assertEquals(20, feed.indicatorsInForce(), "nothing changed");
    }

    @Test
    void aHugeStixBundleIsReadAsAStream() {
        int served = 60_000;
        int total = 5_000_000;
        // a bundle of five million indicators (about a gigabyte), generated as it is read; the source
        // breaks off after 60,000 of them
        Reader bundle = new GeneratedBundle(total, served);

        int read = FeedHarness.stixIndicatorsReadBefore(bundle);

        assertEquals(served, read, "every indicator before the break was taken in as it streamed past");
    }

    @Test
    void aLargeStixBundleLoadsAndItsRefusedEntriesStayOut() throws IOException {
        try (FeedHarness stix = new FeedHarness(dir, "STIX", "https://feeds.example.net/bundle.json")) {
            StringBuilder bundle = new StringBuilder("{\"type\":\"bundle\",\"id\":\"bundle--big\",\"objects\":[");
            for (int i = 0; i < 100_000; i++) {
                bundle.append(i == 0 ? "" : ",").append(GeneratedBundle.indicator(i));
            }
            bundle.append(",{\"type\":\"indicator\",\"id\":\"indicator--wide\",\"pattern_type\":\"stix\","
                    + "\"pattern\":\"[ipv4-addr:value = '0.0.0.0/0']\"}]}");
            FeedStatus status = stix.publish(bundle.toString());

            assertEquals(1, status.current().number(), status.lastError());
            assertEquals(100_000, status.current().indicators());
            assertTrue(stix.match("c2-99999.stix-feed.example").isPresent());
            assertTrue(stix.match("8.8.8.8").isEmpty(), "the /0 entry is refused");
        }
    }

    /** A STIX bundle of {@code total} domain indicators written as it is read; it fails after {@code served}. */
    private static final class GeneratedBundle extends Reader {
        private final int total;
        private final int served;
        private int next;
        private String pending = "{\"type\":\"bundle\",\"id\":\"bundle--generated\",\"objects\":[";
        private int position;

        GeneratedBundle(int total, int served) {
            this.total = total;
            this.served = served;
        }

        static String indicator(int i) {
            return "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"indicator--" + i + "\","
                    + "\"pattern_type\":\"stix\",\"pattern\":\"[domain-name:value = 'c2-" + i
                    + ".stix-feed.example']\",\"valid_from\":\"2025-10-01T00:00:00Z\"}";
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (position == pending.length()) {
                if (next == served) {
                    throw new IOException("the connection broke off");
                }
                if (next == total) {
                    return -1;
                }
                pending = (next == 0 ? "" : ",") + indicator(next) + (next == total - 1 ? "]}" : "");
                next++;
                position = 0;
            }
            int count = Math.min(length, pending.length() - position);
            pending.getChars(position, position + count, buffer, offset);
            position += count;
            return count;
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
