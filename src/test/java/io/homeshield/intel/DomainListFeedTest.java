package io.homeshield.intel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

class DomainListFeedTest {

    @Test
    void namesAddressesAndRangesOneALine() {
        IndicatorSet set = Feeds.set(new DomainListFeed(), """
                # provider list
                uraniumc2.ddns.net
                *.evil-cdn.example
                .tracker.example
                203.0.113.9
                198.51.100.0/24   # bulletproof hosting
                """);
        assertEquals(5, set.size());
        assertTrue(set.match(DomainName.of("x.evil-cdn.example")).isPresent());
        assertTrue(set.match(DomainName.of("tracker.example")).isPresent());
        assertEquals(IndicatorKind.CIDR, set.match(IpAddress.of("198.51.100.77")).orElseThrow().kind());
        assertTrue(set.match(IpAddress.of("198.51.101.1")).isEmpty());
    }

    @Test
    void aLineWithTwoEntriesOrNoNameIsUnreadable() {
        FeedIndicators.Builder content = Feeds.parse(new DomainListFeed(), """
                good.example
                0.0.0.0 bad.example
                not a name!
                """);
        assertEquals(1, content.size());
        assertEquals(2, content.unreadable());
        assertTrue(content.firstProblem().startsWith("line 2: '0.0.0.0 bad.example' holds more than one entry"));
    }

    @Test
    void theUrlhausHostsAsAPlainListAreReadWhole() {
        FeedIndicators.Builder content = Feeds.parse(new DomainListFeed(), String.join("\n", Feeds.urlhausNames()));
        assertEquals(601, content.size());
        assertEquals(0, content.unreadable());
    }
}
