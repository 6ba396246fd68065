package io.homeshield.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MakerNamesTest {

    @Test
    void wellKnownMakersGoByTheNamePeopleKnow() {
        assertEquals("Hikvision", MakerNames.shortName("Hangzhou Hikvision Digital Technology Co.,Ltd."));
        assertEquals("Lenovo", MakerNames.shortName("LCFC(HeFei) Electronics Technology co., ltd"));
        assertEquals("Apple", MakerNames.shortName("Apple, Inc."));
        assertEquals("Samsung", MakerNames.shortName("Samsung Electronics Co.,Ltd"));
        assertEquals("Google Nest", MakerNames.shortName("Nest Labs Inc."));
        assertEquals("HP", MakerNames.shortName("HP Inc."));
    }

    @Test
    void othersLoseCityLegalFormAndBusinessWords() {
        assertEquals("CCV Deutschland", MakerNames.shortName("CCV Deutschland GmbH"));
        assertEquals("Acme", MakerNames.shortName("Shenzhen Acme Technology Co., Ltd."));
        assertEquals("Wirecraft", MakerNames.shortName("WIRECRAFT ELECTRONICS LIMITED"));
    }

    @Test
    void aFragmentOnlyMatchesWholeWords() {
        assertEquals("Intelligentsia Sensors", MakerNames.shortName("Intelligentsia Sensors Inc."));
    }

    @Test
    void noLegalNameNoMaker() {
        assertNull(MakerNames.shortName(null));
        assertNull(MakerNames.shortName(" "));
    }
}
