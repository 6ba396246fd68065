package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DomainStructureTest {

    private final PublicSuffixList list = PublicSuffixList.bundled();
    private final LabelRandomness randomness = LabelRandomness.bundled();

    @Test
    void registrableDomainsFollowThePublicSuffixList() {
        assertEquals("example.co.uk", list.registrableDomain("a.b.example.co.uk"));
        assertEquals("example.com", list.registrableDomain("example.com"));
        assertEquals("d1a2b3.cloudfront.net", list.registrableDomain("x.d1a2b3.cloudfront.net"), "private section");
        assertEquals("foo.bar.ck", list.registrableDomain("www.foo.bar.ck"), "wildcard *.ck");
        assertEquals("www.ck", list.registrableDomain("a.www.ck"), "exception !www.ck");
        assertNull(list.registrableDomain("co.uk"));
        assertNull(list.registrableDomain("printer.local"), "not a listed top-level domain");
    }

    @Test
    void madeUpLabelsReadAsRandomChosenNamesDoNot() {
        for (String label : new String[] { "xkqjwhzvpt", "a9f3c7e21b4d", "qpzmrtlkwvbn", "zxcvbnmqwe" }) {
            assertTrue(randomness.looksRandom(label), label);
        }
        for (String label : new String[] { "googlesyndication", "connectivitycheck", "smartscreen-prod", "weatherkit",
                "duckduckgo", "firmware-update-cdn", "xkqj" }) {
            assertFalse(randomness.looksRandom(label), label);
        }
    }

    @Test
    void cdnDomainsRandomByDesignCoverTheirSubdomains() {
        RandomLabelDomains cdns = RandomLabelDomains.bundled();
        assertTrue(cdns.covers("d3k2j4h5g6.cloudfront.net"));
        assertTrue(cdns.covers("cloudfront.net"));
        assertFalse(cdns.covers("notcloudfront.net"));
    }
}
