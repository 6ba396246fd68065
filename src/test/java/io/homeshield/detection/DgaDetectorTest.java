package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;

class DgaDetectorTest {

    private static final String[] MADE_UP = { "xkqjwhzvpt", "qpzmrtlkwv", "bvtrqpxnmz", "hjkdqwrtzp", "wqxzrvtnkl",
            "zpqkrtmwxv", "mnbvcxzlkq", "tqwzrxpkvn", "pqlzmxkrtw", "rtyqzxwvkp" };
    private static final String[] WORDS = { "garden", "weather", "booking", "holiday", "kitchen", "fashion", "travel",
            "recipes", "sports", "guitar" };

    private final DgaDetector detector = new DgaDetector(Thresholds.defaults());
    private final Traffic bot = Traffic.of(UUID.randomUUID());

    @Test
    void failedLookupsOfEightMadeUpDomainsWithinAMinuteAreADga() {
        for (int i = 0; i < 8; i++) {
            bot.lookup(i * 4, MADE_UP[i] + (i % 2 == 0 ? ".com" : ".net"), "NXDOMAIN");
        }
        List<Finding> findings = bot.sendTo(detector);
        assertEquals(1, findings.size());
        Finding f = findings.get(0);
        assertEquals(AlertType.DGA_LOOKUPS, f.type());
        assertEquals("nxdomain-burst", f.dedupKey());
        assertEquals(8, f.evidence().get("distinctNames"));
        assertTrue(((String) f.evidence().get("examples")).contains(MADE_UP[7] + ".net"));
    }

    @Test
    void aFewTyposOrResolvedRandomCdnNamesAreNot() {
        for (int i = 0; i < 10; i++) {
            bot.lookup(i, WORDS[i] + "-shop.co.uk", "NXDOMAIN");
            bot.lookup(i, "d" + MADE_UP[i] + ".cloudfront.net", "NOERROR");
            bot.lookup(i, "r" + i + "---sn-" + MADE_UP[i] + ".googlevideo.com", "NOERROR");
            bot.lookup(i, MADE_UP[i] + "x", "NXDOMAIN");
            bot.lookup(i, MADE_UP[i] + ".local", "NXDOMAIN");
            bot.lookup(i, i + ".113.0.203.in-addr.arpa", "NXDOMAIN");
        }
        assertTrue(bot.sendTo(detector).isEmpty());
    }

    @Test
    void twentyFiveFailedRegistrableDomainsOfAnyLookAreABurst() {
        for (int i = 0; i < 25; i++) {
            bot.lookup(i, WORDS[i % 10] + WORDS[i / 10] + ".com", "NXDOMAIN");
        }
        List<Finding> findings = bot.sendTo(detector);
        assertEquals(1, findings.size());
        assertEquals("lookups of many names that do not exist", findings.get(0).evidence().get("pattern"));
    }

    @Test
    void randomNamesUnderOneDomainAreReportedForThatDomain() {
        for (int i = 0; i < 12; i++) {
            bot.lookup(i * 2, MADE_UP[i % 10] + i + ".tunnel.example.co.uk", "NOERROR");
        }
        List<Finding> findings = bot.sendTo(detector);
        assertEquals(1, findings.size());
        assertEquals("random-subdomains:example.co.uk", findings.get(0).dedupKey());
    }
    @Test
    void aBotAskingOnceEveryTenSecondsIsFlaggedWithinTenMinutes() {
        assertFlaggedWithin(10, 10 * 60);
    }

    @Test
    void aBotAskingOnceAMinuteIsFlaggedWithinHalfAnHour() {
        assertFlaggedWithin(60, 30 * 60);
    }

    @Test
    void aBotAskingOnceEveryFiveMinutesIsFlaggedWithinTwoHours() {
        assertFlaggedWithin(300, 2 * 3600);
    }

    @Test
    void anAdBlockingResolverAnsweringNxdomainForTrackersIsNotADga() {
        String[] trackers = { "doubleclick.net", "googlesyndication.com", "google-analytics.com",
                "scorecardresearch.com",
                "adnxs.com", "criteo.com", "taboola.com", "outbrain.com", "amazon-adsystem.com", "moatads.com",
                "hotjar.com", "mixpanel.com", "branch.io", "appsflyer.com", "adjust.com", "crashlytics.com",
                "app-measurement.com", "facebook.net", "pubmatic.com", "rubiconproject.com", "openx.net",
                "casalemedia.com", "demdex.net", "everesttech.net", "quantserve.com" };
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 6 * 3600 / 20; i++) {
            String tracker = trackers[i % trackers.length];
            bot.lookup(i * 20, (i % 3 == 0 ? "stats." : i % 3 == 1 ? "pixel." : "") + tracker, "NXDOMAIN");
            findings.addAll(bot.sendTo(detector));
        }
        assertTrue(findings.isEmpty(), findings.toString());
    }

    @Test
    void shortNamesNoOtherHouseholdAsksForAreADgaEvenOnceAMinute() {
        fleetOf(30, TRACKERS);
        List<Finding> findings = new java.util.ArrayList<>();
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 30 && findings.isEmpty(); i++) {
            bot.lookup(i * 60, shortName(r) + ".org", "NXDOMAIN");
            findings.addAll(bot.sendTo(detector));
        }
        assertEquals(1, findings.size(), "no alert within 30 min");
        assertEquals("nxdomain-trickle", findings.get(0).dedupKey());
        assertTrue(((String) findings.get(0).evidence().get("pattern")).contains("almost no other household"));
    }

    @Test
    void blockedTrackersThatEveryHouseholdAsksForAreNotRare() {
        fleetOf(30, TRACKERS);
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 6 * 3600 / 20; i++) {
            bot.lookup(i * 20, TRACKERS[i % TRACKERS.length], "NXDOMAIN");
            findings.addAll(bot.sendTo(detector));
        }
        assertTrue(findings.isEmpty(), findings.toString());
    }

    @Test
    void inAFleetOfAFewHomesRarityIsNotJudged() {
        fleetOf(3, TRACKERS);
        java.util.Random r = new java.util.Random(8);
        for (int i = 0; i < 30; i++) {
            bot.lookup(i * 60, shortName(r) + ".org", "NXDOMAIN");
            assertTrue(bot.sendTo(detector).isEmpty());
        }
    }

    @Test
    void aDeviceThatAlwaysAsksForOddMissingNamesMustExceedItsHabit() {
        fleetOf(30, TRACKERS);
        java.util.Random r = new java.util.Random(9);
        // A day of ten odd failed names every two hours: below the minimum, and the device's habit.
        for (int i = 0; i < 12 * 10; i++) {
            bot.lookup(i * 720, shortName(r) + ".net", "NXDOMAIN");
            assertTrue(bot.sendTo(detector).isEmpty());
        }
        double dayLater = 12 * 10 * 720 + 7200;
        for (int i = 0; i < 14; i++) {
            bot.lookup(dayLater + i * 60, shortName(r) + ".net", "NXDOMAIN");
        }
        assertTrue(bot.sendTo(detector).isEmpty(), "14 is within three times its habit");
        Traffic fresh = Traffic.of(UUID.randomUUID());
        for (int i = 0; i < 14; i++) {
            fresh.lookup(i * 60, shortName(r) + ".net", "NXDOMAIN");
        }
        assertEquals(1, fresh.sendTo(detector).size(), "a device without that habit is flagged");
    }

    private static final String[] TRACKERS = { "doubleclick.net", "googlesyndication.com", "google-analytics.com",
            "scorecardresearch.com", "adnxs.com", "criteo.com", "taboola.com", "outbrain.com", "amazon-adsystem.com",
            "moatads.com", "hotjar.com", "mixpanel.com", "branch.io", "appsflyer.com", "adjust.com",
                    "crashlytics.com" };

    /** Other households look the names up, as a fleet does. */
    private void fleetOf(int households, String[] names) {
        for (int h = 0; h < households; h++) {
            Traffic home = Traffic.of(UUID.randomUUID());
            for (String name : names) {
                home.lookup(-600, name, "NOERROR");
            }
            home.sendTo(detector);
        }
    }

    /** Conficker.C's shape: 4 to 9 letters. */
    private static String shortName(java.util.Random r) {
        StringBuilder label = new StringBuilder();
        for (int c = 0, n = 4 + r.nextInt(6); c < n; c++) {
            label.append((char) ('a' + r.nextInt(26)));
        }
        return label.toString();
    }

    /**
     * One made-up name every {@code everySeconds}, each failing; the first alert must come before {@code limitSeconds}.
     */
    private void assertFlaggedWithin(int everySeconds, int limitSeconds) {
        // A linear congruential generator over the alphabet, as Ramnit and Necurs derive their names.
        long seed = 0x5deece66dL ^ everySeconds;
        List<Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i * everySeconds <= limitSeconds && findings.isEmpty(); i++) {
            StringBuilder label = new StringBuilder();
            for (int c = 0; c < 12; c++) {
                seed = (seed * 0x5deece66dL + 0xbL) & ((1L << 48) - 1);
                label.append((char) ('a' + (seed >>> 17) % 26));
            }
            bot.lookup(i * everySeconds, label + ".com", "NXDOMAIN");
            findings.addAll(bot.sendTo(detector));
        }
        assertEquals(1, findings.size(), "no alert within " + limitSeconds + " s");
        assertEquals(AlertType.DGA_LOOKUPS, findings.get(0).type());
    }
}
