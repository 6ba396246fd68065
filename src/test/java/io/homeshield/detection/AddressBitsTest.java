package io.homeshield.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AddressBitsTest {

    @Test
    void readsDottedQuadsAndRejectsTheRest() {
        assertEquals(3405803783L, AddressBits.ipv4("203.0.113.7"));
        assertEquals(0xffffffffL, AddressBits.ipv4("255.255.255.255"));
        assertEquals(-1, AddressBits.ipv4("256.0.0.1"));
        assertEquals(-1, AddressBits.ipv4("1.2.3"));
        assertEquals(-1, AddressBits.ipv4("1.2.3.4.5"));
        assertEquals(-1, AddressBits.ipv4("2001:db8::1"));
        assertEquals("203.0.113.7", AddressBits.v4Text(3405803783L));
        assertNotEquals(AddressBits.key("2001:db8::1"), AddressBits.key("2001:db8::2"));
        assertEquals(AddressBits.network("203.0.113.7"), AddressBits.network("203.0.113.200"));
        assertNotEquals(AddressBits.network("203.0.113.7"), AddressBits.network("203.0.114.7"));
        assertEquals(AddressBits.network("2001:db8:1:2::1"), AddressBits.network("2001:db8:1:3::9"));
    }

    @Test
    void tellsInternetAddressesFromLocalOnes() {
        for (String local : new String[] { "10.1.2.3", "192.168.1.1", "172.16.0.1", "172.31.255.255", "127.0.0.1",
                "169.254.1.1", "100.64.0.1", "224.0.0.251", "255.255.255.255", "fe80::1", "fd00::1", "ff02::fb",
                        "::1" }) {
            assertFalse(AddressBits.isExternal(local), local);
        }
        for (String external : new String[] { "8.8.8.8", "172.32.0.1", "100.128.0.1", "203.0.113.7",
                "2001:4860:4860::8888" }) {
            assertTrue(AddressBits.isExternal(external), external);
        }
    }
}
