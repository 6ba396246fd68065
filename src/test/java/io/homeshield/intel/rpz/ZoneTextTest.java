package io.homeshield.intel.rpz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ZoneTextTest {

    private static ZonePolicy nxdomain(List<String> allow) {
        return new ZonePolicy("homeshield.rpz", null, allow, 300, 300);
    }

    private static String file(ZonePolicy policy, long serial, List<String> names) {
        ZoneText text = new ZoneText(policy);
        return new String(text.zoneFile(serial, text.records(names)), StandardCharsets.US_ASCII);
    }

    @Test
    void blockedNamesAndTheirSubdomainsDoNotExist() {
        String zone = file(nxdomain(List.of()), 7, List.of("C2.Evil.example.", "beacon.example.net"));
        assertTrue(zone.contains("@ SOA localhost. hostmaster.localhost. 7 300 60 604800 300\n"), zone);
        assertTrue(zone.contains("\nc2.evil.example CNAME .\n*.c2.evil.example CNAME .\n"), zone);
        assertTrue(zone.contains("\nbeacon.example.net CNAME .\n*.beacon.example.net CNAME .\n"), zone);
    }

    @Test
    void malformedNamesNeverReachTheZoneAndAreCounted() {
        String longLabel = "a".repeat(64) + ".example";
        String tooLong = ("abcdefghi.".repeat(25)) + "example";
        List<String> names = List.of("good.example", longLabel, "bad_char$.example", "double..dot.example",
                "-lead.example",
                "trail-.example", "com", tooLong, "", "space name.example", "ünicode.example");
        ZoneText text = new ZoneText(nxdomain(List.of()));
        ZoneText.Records records = text.records(names);
        assertEquals(1, records.names());
        assertEquals(names.size() - 1, records.skipped());
        String body = new String(records.body(), StandardCharsets.US_ASCII);
        assertEquals("good.example CNAME .\n*.good.example CNAME .\n", body);
    }

    @Test
    void theAllowListWinsOverAnyFeed() {
        ZoneText text = new ZoneText(nxdomain(List.of("cdn.example", "shop.partner.example")));
        ZoneText.Records records = text.records(List.of("cdn.example", "img.cdn.example", "partner.example",
                "bad.example"));
        String body = new String(records.body(), StandardCharsets.US_ASCII);
        assertEquals(2, records.names());
        assertEquals(2, records.allowed());
        assertFalse(body.contains("cdn.example CNAME .\n"), body);
        assertTrue(body.contains("partner.example CNAME .\n"), body);
        assertTrue(body.contains("shop.partner.example CNAME rpz-passthru.\n*.shop.partner.example CNAME "
                + "rpz-passthru.\n"),
                body);
    }

    @Test
    void aWalledGardenAddressReplacesNxdomain() throws Exception {
        String v4 = file(new ZonePolicy("homeshield.rpz", InetAddress.getByName("198.51.100.10"), List.of(), 300, 60),
                1,
                List.of("c2.example"));
        assertTrue(v4.contains("\nc2.example A 198.51.100.10\n*.c2.example A 198.51.100.10\n"), v4);
        String v6 = file(new ZonePolicy("homeshield.rpz", InetAddress.getByName("2001:db8::10"), List.of(), 300, 60), 1,
                List.of("c2.example"));
        assertTrue(v6.contains("\nc2.example AAAA 2001:db8:0:0:0:0:0:10\n"), v6);
    }

    @Test
    void aWalledGardenMustBeAnAddress() {
        RpzConfig config = new TestRpzConfig("portal.example");
        assertThrows(IllegalArgumentException.class, () -> ZonePolicy.from(config));
    }

    @Test
    void theSameNamesInAnyOrderGiveTheSameContentAndOtherNamesAnother() {
        ZoneText text = new ZoneText(nxdomain(List.of()));
        String first = text.records(List.of("a.example", "b.example", "a.example")).hash();
        assertEquals(first, text.records(List.of("b.example", "a.example")).hash());
        assertNotEquals(first, text.records(List.of("a.example", "c.example")).hash());
    }
}
