package io.homeshield.intel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

class IndicatorSetTest {

    @Test
    void theMostSpecificListedNameAnswersAndTheFirstFeedToListItNamesIt() {
        IndicatorSet set = IndicatorSet.builder()
                .domain(DomainName.of("bad.example"), "provider")
                .domain(DomainName.of("c2.bad.example"), "provider")
                .domain(DomainName.of("bad.example"), "urlhaus")
                .build();
        assertEquals(2, set.size());
        assertEquals("c2.bad.example", set.match(DomainName.of("x.c2.bad.example")).orElseThrow().value());
        assertEquals("bad.example", set.match(DomainName.of("www.bad.example")).orElseThrow().value());
        assertEquals("provider", set.match(DomainName.of("bad.example")).orElseThrow().feed());
        assertTrue(set.match(DomainName.of("notbad.example")).isEmpty(), "a suffix must end at a label");
        assertTrue(set.match(DomainName.of("example")).isEmpty());
    }

    @Test
    void nestedRangesAnswerWithTheNarrowestAndASingleAddressBeatsThem() {
        IndicatorSet set = IndicatorSet.builder()
                .range(Cidr.parse("10.0.0.0/8"), "a")
                .range(Cidr.parse("10.1.0.0/16"), "b")
                .range(Cidr.parse("10.1.2.0/24"), "c")
                .range(Cidr.parse("10.200.0.0/16"), "d")
                .address(IpAddress.of("10.1.2.3"), "e")
                .range(Cidr.parse("255.255.255.0/24"), "f")
                .range(Cidr.parse("0.0.0.0/1"), "g")
                .build();
        assertEquals("e", feedOf(set, "10.1.2.3"));
        assertEquals("c", feedOf(set, "10.1.2.4"));
        assertEquals("b", feedOf(set, "10.1.3.0"));
        assertEquals("a", feedOf(set, "10.2.0.0"));
        assertEquals("a", feedOf(set, "10.199.255.255"));
        assertEquals("d", feedOf(set, "10.200.1.1"));
        assertEquals("a", feedOf(set, "10.201.0.0"));
        assertEquals("g", feedOf(set, "11.0.0.0"));
        assertEquals("g", feedOf(set, "0.0.0.0"));
        assertEquals(null, feedOf(set, "128.0.0.0"));
        assertEquals("f", feedOf(set, "255.255.255.255"));
        assertEquals(IndicatorKind.CIDR, set.match(IpAddress.of("10.9.9.9")).orElseThrow().kind());
        assertEquals("10.1.2.0/24", set.match(IpAddress.of("10.1.2.99")).orElseThrow().value());
    }

    @Test
    void ipv6AddressesAndRanges() {
        IndicatorSet set = IndicatorSet.builder()
                .range(Cidr.parse("2001:db8::/32"), "wide")
                .range(Cidr.parse("2001:db8:1:2::/64"), "narrow")
                .address(IpAddress.of("2001:db8:1:2::99"), "one")
                .range(Cidr.parse("ffff::/16"), "top")
                .build();
        assertEquals("one", feedOf(set, "2001:db8:1:2::99"));
        assertEquals("narrow", feedOf(set, "2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertEquals("wide", feedOf(set, "2001:db8:1:3::1"));
        assertEquals(null, feedOf(set, "2001:db9::1"));
        assertEquals("top", feedOf(set, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));
        assertEquals("2001:db8:0:0:0:0:0:0/32", set.match(IpAddress.of("2001:db8::5")).orElseThrow().value());
    }

    @Test
    void hostBitsOfARangeAreClearedAndTooLongPrefixesRefused() {
        assertEquals("10.0.0.0/8", Cidr.parse("10.1.2.3/8").value());
        assertEquals("192.168.1.128/25", Cidr.parse("192.168.1.200/25").value());
        assertTrue(assertThrowsMessage(() -> Cidr.parse("10.0.0.0/33")).contains("0 to 32"));
        assertTrue(assertThrowsMessage(() -> Cidr.parse("10.0.0/8")).contains("not an address range"));
    }

    /** Random nested and disjoint ranges against a plain scan of every range. */
    @Test
    void rangeLookupsAgreeWithAScanOfEveryRange() {
        Random random = new Random(7);
        List<Cidr> ranges = new ArrayList<>();
        IndicatorSet.Builder builder = IndicatorSet.builder();
        for (int i = 0; i < 3000; i++) {
            int length = 8 + random.nextInt(21);
            int base = 0x0A000000 | random.nextInt(1 << 20) << 4;
            Cidr range = new Cidr(false, 0, base & 0xFFFF_FFFFL, length);
            ranges.add(range);
            builder.range(range, "r" + i);
        }
        IndicatorSet set = builder.build();
        for (int i = 0; i < 20000; i++) {
            long address = (0x0A000000 | random.nextInt(1 << 24)) & 0xFFFF_FFFFL;
            Cidr narrowest = null;
            for (Cidr range : ranges) {
                if (address >= range.low() && address <= range.lastLow()
                        && (narrowest == null || range.length() > narrowest.length())) {
                    narrowest = range;
                }
            }
            String text = (address >>> 24) + "." + (address >>> 16 & 255) + "." + (address >>> 8 & 255) + "."
                    + (address & 255);
            Optional<Indicator> hit = set.match(IpAddress.of(text));
            assertEquals(narrowest == null ? null : narrowest.value(), hit.map(Indicator::value).orElse(null), text);
        }
    }

    private static String feedOf(IndicatorSet set, String address) {
        return set.match(IpAddress.of(address)).map(Indicator::feed).orElse(null);
    }

    private static String assertThrowsMessage(Runnable action) {
        return org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, action::run).getMessage();
    }
}
