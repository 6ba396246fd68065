package io.homeshield.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IpAddressTest {

    @Test
    void acceptsLiteralsInCanonicalForm() {
        assertEquals("192.168.1.23", IpAddress.of("192.168.1.23").value());
        assertEquals("2001:db8:0:0:0:0:0:1", IpAddress.of("2001:DB8::1").value());
        assertEquals(0xC0A80117, IpAddress.of("192.168.1.23").v4Bits());
    }

    @Test
    void neverResolvesNamesAndRejectsNearMisses() {
        assertFalse(IpAddress.isValid("example.com"));
        assertFalse(IpAddress.isValid("localhost"));
        assertFalse(IpAddress.isValid("256.1.1.1"));
        assertFalse(IpAddress.isValid("1.2.3"));
        assertFalse(IpAddress.isValid("01.2.3.4"));
        assertFalse(IpAddress.isValid(null));
        assertTrue(IpAddress.isValid("::1"));
        assertThrows(IllegalArgumentException.class, () -> IpAddress.of("not-an-ip"));
    }
}
