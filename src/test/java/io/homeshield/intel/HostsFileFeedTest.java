package io.homeshield.intel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.homeshield.net.DomainName;

class HostsFileFeedTest {

    @Test
    void theNamesOfAHostsBlocklistAreIndicatorsButTheMachinesOwnEntriesAreNot() {
        IndicatorSet set = Feeds.set(new HostsFileFeed(), """
                # Title: provider blocklist
                127.0.0.1 localhost
                127.0.0.1 localhost.localdomain
                255.255.255.255 broadcasthost
                ::1 localhost ip6-localhost ip6-loopback
                fe80::1%lo0 localhost
                0.0.0.0 0.0.0.0

                0.0.0.0 uraniumc2.ddns.net
                127.0.0.1 zidomasones.com   # seen 2025-10-24
                0.0.0.0\tcdn.bad-one.example  www.bad-two.example
                """);
        assertEquals(4, set.size());
        assertTrue(set.match(DomainName.of("uraniumc2.ddns.net")).isPresent());
        assertTrue(set.match(DomainName.of("a.zidomasones.com")).isPresent());
        assertTrue(set.match(DomainName.of("www.bad-two.example")).isPresent());
        assertTrue(set.match(DomainName.of("localhost")).isEmpty());
        assertTrue(set.match(DomainName.of("ddns.net")).isEmpty());
    }

    @Test
    void aLineThatDoesNotStartWithAnAddressIsUnreadable() {
        FeedIndicators.Builder content = Feeds.parse(new HostsFileFeed(), """
                0.0.0.0 good.example
                bad.example
                0.0.0.0
                """);
        assertEquals(1, content.size());
        assertEquals(2, content.unreadable());
        assertEquals("line 2: 'bad.example' is not a hosts entry (an address, then host names)",
                content.firstProblem());
    }

    @Test
    void theUrlhausHostsWrittenAsAHostsFileAreReadWhole() {
        List<String> names = Feeds.urlhausNames();
        String hosts = "127.0.0.1 localhost\n" + names.stream().map(name -> "0.0.0.0 " + name)
                .collect(Collectors.joining("\n"));
        FeedIndicators.Builder content = Feeds.parse(new HostsFileFeed(), hosts);
        // the 2025-10-25 edition's bare host names; one more host is listed as a rule (||wegrowcoaching.com^$all)
        assertEquals(601, names.size());
        assertEquals(601, content.size());
        assertEquals(0, content.unreadable());
    }
}
