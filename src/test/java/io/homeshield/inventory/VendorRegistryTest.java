package io.homeshield.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.homeshield.net.MacAddress;

/** Against the bundled registry: each expectation is a real row of the IEEE exports. */
class VendorRegistryTest {

    private static VendorRegistry registry;

    @BeforeAll
    static void load() {
        registry = new VendorRegistry();
        registry.load();
    }

    private static Optional<String> vendor(String mac) {
        return registry.vendorOf(MacAddress.of(mac));
    }

    @Test
    void aLargeBlockNamesItsOrganisationWithTheCommaInsideTheQuotes() {
        assertEquals(Optional.of("Apple, Inc."), vendor("3C:22:FB:12:34:56"));
    }

    @Test
    void theRowAfterAnAddressSpanningTwoLinesIsReadIntact() {
        // oui.csv: C404D8's quoted address contains a line break; E0CA3C follows it
        assertEquals(Optional.of("Aviva Links Inc."), vendor("C4:04:D8:00:00:01"));
        assertEquals(Optional.of("Hangzhou Hikvision Digital Technology Co.,Ltd."), vendor("E0:CA:3C:4F:2A:10"));
        // mam.csv: the same after 303D51B
        assertEquals(Optional.of("Labman Automation"), vendor("30:3D:51:B0:00:01"));
        assertEquals(Optional.of("Fink Telecom Services GmbH"), vendor("30:3D:51:01:02:03"));
    }

    @Test
    void doubledQuotesInsideAQuotedNameBecomeOneQuote() {
        assertEquals(Optional.of("JSC \"MASSA-K\""), vendor("00:1E:FC:00:00:01"));
        assertEquals(Optional.of("\"RPC \"Energoautomatika\" Ltd"), vendor("00:1E:CB:00:00:01"));
        assertEquals(Optional.of("ООО \"РОНЕКС\""), vendor("70:B3:D5:F3:E1:23"));
    }

    @Test
    void aMediumBlockBeatsTheLargeBlockItWasCarvedFrom() {
        // F8B568 is the IEEE's own parent block; its 28-bit children belong to different companies
        assertEquals(Optional.of("LifePrint Products, Inc."), vendor("F8:B5:68:01:02:03"));
        assertEquals(Optional.of("Dongwoo Engineering Co.,Ltd"), vendor("F8:B5:68:31:02:03"));
    }

    @Test
    void aSmallBlockBeatsBothLargerOnes() {
        assertEquals(Optional.of("TELEPLATFORMS"), vendor("70:B3:D5:F2:F0:01"));
        assertEquals(Optional.of("Solace Systems Inc."), vendor("8C:1F:64:46:0A:BC"));
    }

    @Test
    void anUnassignedChildOfAnIeeeParentBlockHasNoVendor() {
        // F8B568F is not assigned; the parent F8B568 names only the IEEE Registration Authority
        assertEquals(Optional.empty(), vendor("F8:B5:68:F1:02:03"));
    }

    @Test
    void aPrivateRegistrationNamesNoVendor() {
        assertEquals(Optional.empty(), vendor("74:1A:E0:91:02:03"));
    }

    @Test
    void aLocallyAdministeredAddressHasNoVendorEvenWhenItsDigitsMatchARegistration() {
        // 3E:22:FB is 3C:22:FB (Apple) with the locally administered bit set, as a randomised phone address
        assertTrue(MacAddress.of("3E:22:FB:12:34:56").isLocallyAdministered());
        assertEquals(Optional.empty(), vendor("3E:22:FB:12:34:56"));
        assertEquals(Optional.empty(), vendor("DA:A1:19:5C:07:3E"));
    }

    @Test
    void namesAreTidiedOfStrayWhitespaceAndEntities() {
        assertEquals(Optional.of("Shenzhen YOUHUA Technology Co., Ltd"), vendor("90:12:34:00:00:01"));
        assertEquals(Optional.of("ZAO \"RADIUS Avtomatika\""), vendor("F8:B5:68:E0:00:01"));
        assertEquals(Optional.of("JTEC Card & Communication Co., Ltd"), vendor("00:26:BD:00:00:01"));
    }

    @Test
    void whenAPrefixIsListedTwiceTheFirstRowWins() {
        assertEquals(Optional.of("NETWORK RESEARCH CORPORATION"), vendor("08:00:30:00:00:01"));
    }

    @Test
    void anAddressWhoseBlockIsInNoRegistryHasNoVendor() {
        assertEquals(Optional.empty(), vendor("A0:00:00:12:34:56"));
        assertEquals(Optional.of("XEROX CORPORATION"), vendor("00:00:00:12:34:56"));
    }
}
