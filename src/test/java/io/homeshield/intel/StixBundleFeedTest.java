package io.homeshield.intel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

class StixBundleFeedTest {

    /** A bundle as a sharing platform exports it: identity, malware, indicators and relationships. */
    static final String BUNDLE = """
            {
              "type": "bundle",
              "id": "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
              "objects": [
                { "type": "identity", "spec_version": "2.1", "id": "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff",
                  "created": "2025-10-01T00:00:00.000Z", "modified": "2025-10-01T00:00:00.000Z",
                  "name": "Example ISAC", "identity_class": "organization" },
                { "type": "malware", "spec_version": "2.1", "id": "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b",
                  "created": "2025-10-01T00:00:00.000Z", "modified": "2025-10-01T00:00:00.000Z",
                  "name": "Mozi", "is_family": true },
                { "type": "indicator", "spec_version": "2.1", "id": "indicator--a1",
                  "created": "2025-10-20T00:00:00.000Z", "modified": "2025-10-20T00:00:00.000Z",
                  "name": "Mozi C2", "pattern_type": "stix",
                  "pattern": "[domain-name:value = 'c2.mozi-botnet.example']",
                  "valid_from": "2025-10-20T00:00:00Z", "valid_until": "2025-11-20T00:00:00Z" },
                { "type": "indicator", "spec_version": "2.1", "id": "indicator--a2",
                  "created": "2025-10-20T00:00:00.000Z", "modified": "2025-10-20T00:00:00.000Z",
                  "pattern_type": "stix", "pattern": "[ipv4-addr:value = '198.51.100.7']",
                  "valid_from": "2025-10-20T00:00:00Z", "valid_until": "2025-10-25T00:00:00Z" },
                { "type": "indicator", "spec_version": "2.1", "id": "indicator--a3",
                  "created": "2025-10-20T00:00:00.000Z", "modified": "2025-10-20T00:00:00.000Z",
                  "pattern_type": "stix", "pattern": "[ipv4-addr:value = '45.80.0.0/16']",
                  "valid_from": "2025-10-20T00:00:00Z" },
                { "type": "indicator", "spec_version": "2.1", "id": "indicator--a4",
                  "created": "2025-10-20T00:00:00.000Z", "modified": "2025-10-20T00:00:00.000Z",
                  "pattern_type": "stix", "pattern": "[url:value = 'http://203.0.113.5:8080/bins/mozi.m']",
                  "valid_from": "2025-10-20T00:00:00Z" },
                { "type": "indicator", "spec_version": "2.1", "id": "indicator--a5",
                  "created": "2025-10-20T00:00:00.000Z", "modified": "2025-10-20T00:00:00.000Z",
                  "pattern_type": "stix", "pattern": "[url:value = 'https://drive.google.com/uc?id=abc']",
                  "valid_from": "2025-10-20T00:00:00Z" },
                { "type": "indicator", "spec_version": "2.1", "id": "indicator--a6", "revoked": true,
                  "created": "2025-10-20T00:00:00.000Z", "modified": "2025-10-22T00:00:00.000Z",
                  "pattern_type": "stix", "pattern": "[domain-name:value = 'revoked.example']",
                  "valid_from": "2025-10-20T00:00:00Z" },
                { "type": "indicator", "spec_version": "2.1", "id": "indicator--a7",
                  "created": "2025-10-20T00:00:00.000Z", "modified": "2025-10-20T00:00:00.000Z",
                  "pattern_type": "stix",
                  "pattern": "[ipv4-addr:value = '192.0.2.1' AND network-traffic:dst_port = 23]",
                  "valid_from": "2025-10-20T00:00:00Z" },
                { "type": "indicator", "spec_version": "2.1", "id": "indicator--a8",
                  "created": "2025-10-20T00:00:00.000Z", "modified": "2025-10-20T00:00:00.000Z",
                  "pattern_type": "stix",
                  "pattern":
                    "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
                  "valid_from": "2025-10-20T00:00:00Z" },
                { "type": "indicator", "spec_version": "2.1", "id": "indicator--a9",
                  "created": "2025-10-20T00:00:00.000Z", "modified": "2025-10-20T00:00:00.000Z",
                  "pattern_type": "stix",
                  "pattern": "[domain-name:value = 'one.example' OR domain-name:value = 'two.example'] \
                OR [ipv6-addr:value = '2001:db8:bad::/48']",
                  "valid_from": "2025-10-26T00:00:00Z" },
                { "type": "indicator", "spec_version": "2.1", "id": "indicator--a10",
                  "created": "2025-10-20T00:00:00.000Z", "modified": "2025-10-20T00:00:00.000Z",
                  "pattern_type": "sigma", "pattern": "title: not a network indicator",
                  "valid_from": "2025-10-20T00:00:00Z" },
                { "type": "relationship", "spec_version": "2.1", "id": "relationship--r1",
                  "created": "2025-10-20T00:00:00.000Z", "modified": "2025-10-20T00:00:00.000Z",
                  "relationship_type": "indicates", "source_ref": "indicator--a1",
                  "target_ref": "malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b" }
              ]
            }
            """;

    @Test
    void networkIndicatorsAreReadAndOthersPassedOver() {
        FeedIndicators.Builder content = Feeds.parse(new StixBundleFeed(), BUNDLE);
        assertEquals(0, content.unreadable(), content.firstProblem());
        // a1, a2, a3, the address of a4, and the three values of a9
        assertEquals(7, content.size());
    }

    @Test
    void indicatorsMatchOnlyWhileValidAndRevokedOnesNever() {
        FeedIndicators.Builder content = Feeds.parse(new StixBundleFeed(), BUNDLE);
        FeedIndicators feed = content.build();
        IndicatorSet on24th = set(feed, Instant.parse("2025-10-24T12:00:00Z"));
        assertTrue(on24th.match(DomainName.of("www.c2.mozi-botnet.example")).isPresent());
        assertTrue(on24th.match(IpAddress.of("198.51.100.7")).isPresent());
        assertEquals("45.80.0.0/16", on24th.match(IpAddress.of("45.80.30.40")).orElseThrow().value());
        assertTrue(on24th.match(IpAddress.of("203.0.113.5")).isPresent());
        assertTrue(on24th.match(DomainName.of("drive.google.com")).isEmpty());
        assertTrue(on24th.match(DomainName.of("revoked.example")).isEmpty());
        assertTrue(on24th.match(IpAddress.of("192.0.2.1")).isEmpty(), "a pattern needing a port is no host indicator");
        assertTrue(on24th.match(DomainName.of("one.example")).isEmpty(), "not valid before the 26th");

        IndicatorSet on27th = set(feed, Instant.parse("2025-10-27T00:00:00Z"));
        assertTrue(on27th.match(IpAddress.of("198.51.100.7")).isEmpty(), "valid until the 25th");
        assertTrue(on27th.match(DomainName.of("two.example")).isPresent());
        assertTrue(on27th.match(IpAddress.of("2001:db8:bad:ffff::1")).isPresent());
        assertEquals(Instant.parse("2025-10-25T00:00:00Z"),
                feed.nextChangeAfter(Instant.parse("2025-10-24T12:00:00Z")));
    }

    @Test
    void aDocumentThatIsNoBundleIsMalformed() {
        assertEquals("not a STIX bundle (expected an object of type 'bundle')",
                assertThrows(MalformedFeedException.class,
                        () -> Feeds.parse(new StixBundleFeed(), "{\"type\": \"indicator\"}")).getMessage());
        assertTrue(assertThrows(MalformedFeedException.class,
                () -> Feeds.parse(new StixBundleFeed(), "{\"type\": \"bundle\", \"objects\": [")).getMessage()
                .startsWith("not a JSON document"));
    }

    @Test
    void anIndicatorWithABrokenPatternOrTimestampIsUnreadable() {
        FeedIndicators.Builder content = Feeds.parse(new StixBundleFeed(), """
                {"type": "bundle", "id": "bundle--1", "objects": [
                  {"type": "indicator", "id": "indicator--b1", "pattern_type": "stix",
                   "pattern": "domain-name:value = 'x.example'", "valid_from": "2025-10-20T00:00:00Z"},
                  {"type": "indicator", "id": "indicator--b2", "pattern_type": "stix",
                   "pattern": "[domain-name:value = 'y.example']", "valid_from": "yesterday"},
                  {"type": "indicator", "id": "indicator--b3", "pattern_type": "stix",
                   "pattern": "[ipv4-addr:value = '300.1.1.1']", "valid_from": "2025-10-20T00:00:00Z"}
                ]}
                """);
        assertEquals(0, content.size());
        assertEquals(3, content.unreadable());
        assertEquals("indicator indicator--b1: 'domain-name:value = 'x.example'' is not a STIX pattern",
                content.firstProblem());
    }

    private static IndicatorSet set(FeedIndicators feed, Instant now) {
        IndicatorSet.Builder set = IndicatorSet.builder();
        feed.addTo(set, "stix", now);
        return set.build();
    }
}
