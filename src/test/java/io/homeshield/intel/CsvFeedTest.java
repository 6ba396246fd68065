package io.homeshield.intel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

class CsvFeedTest {

    private static String urlhausExport() throws IOException {
        try (InputStream in = CsvFeedTest.class.getClassLoader().getResourceAsStream("intel/urlhaus-recent.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theUrlhausExportGivesTheHostsOfUrlsOnAddressesButNotOfUrlsOnNamedHosts() throws IOException {
        FeedIndicators.Builder content = Feeds.parse(new CsvFeed(new CsvLayout("url", true, ',')), urlhausExport());
        assertEquals(0, content.unreadable(), content.firstProblem());
        IndicatorSet set = Feeds.set(content, Feeds.NOW);
        assertEquals(4, set.size());
        assertTrue(set.match(IpAddress.of("115.55.51.150")).isPresent());
        assertTrue(set.match(IpAddress.of("1.1.104.12")).isPresent());
        assertTrue(set.match(IpAddress.of("2001:db8:85a3::8a2e:370:7334")).isPresent());
        assertTrue(set.match(IpAddress.of("203.0.113.44")).isPresent(), "user info and port are not the host");
        assertTrue(set.match(DomainName.of("github.com")).isEmpty(), "a shared host is not condemned by one file");
        assertTrue(set.match(DomainName.of("zidomasones.com")).isEmpty());
    }

    @Test
    void aColumnByNumberWithADifferentDelimiterAndAHeaderLine() {
        IndicatorSet set = Feeds.set(new CsvFeed(new CsvLayout("2", true, ';')), """
                first_seen;dst_ip;dst_port;malware
                2025-10-24;198.51.100.23;4444;Mozi
                2025-10-24;"203.0.113.0/24";23;Mirai
                """);
        assertEquals(2, set.size());
        assertTrue(set.match(IpAddress.of("203.0.113.200")).isPresent());
        assertTrue(set.match(IpAddress.of("198.51.100.23")).isPresent());
    }

    @Test
    void rowsWithTooFewColumnsOrAnOpenQuoteAreUnreadable() {
        FeedIndicators.Builder content = Feeds.parse(new CsvFeed(new CsvLayout("host", true, ',')), """
                id,host
                1,bad.example
                2
                3,"open.example
                """);
        assertEquals(1, content.size());
        assertEquals(2, content.unreadable());
        assertEquals("line 3: has 1 columns, the indicator is in column 2", content.firstProblem());
    }

    @Test
    void aFeedWithoutTheNamedColumnIsMalformed() {
        MalformedFeedException refused = assertThrows(MalformedFeedException.class,
                () -> Feeds.parse(new CsvFeed(new CsvLayout("url", true, ',')), """
                        id,host
                        1,bad.example
                        """));
        assertEquals("no header line names the column 'url' before the first row (line 1: 'id,host')",
                refused.getMessage());
    }

    @Test
    void quotedFieldsMayHoldDelimitersAndQuotes() {
        assertEquals(List.of("a,b", "say \"hi\"", ""), CsvFeed.fields("\"a,b\",\"say \"\"hi\"\"\",", ','));
        assertThrows(IllegalArgumentException.class, () -> CsvFeed.fields("\"a\"b,c", ','));
    }
}
