package io.homeshield.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @ParameterizedTest
    @ValueSource(strings = { "3C:84:6A:12:34:56", "3c:84:6a:12:34:56", "3C-84-6A-12-34-56", "3c846a123456" })
    void everySpellingBecomesUpperCaseWithColons(String text) {
        assertTrue(MacAddress.isValid(text));
        assertEquals("3C:84:6A:12:34:56", MacAddress.of(text).value());
    }

    @Test
    void normalTextIsKept() {
        String text = "3C:84:6A:12:34:56";
        assertSame(text, MacAddress.of(text).value());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "3C:84:6A:12:34", "3C:84-6A:12:34:56", "3C:84:6A:12:34:5G", "3C.84.6A.12.34.56",
            "3C846A12345", "3C:84:6A:12:34:56:78", " 3C:84:6A:12:34:5", "3C84:6A:12:34:56:", "３C:84:6A:12:34:56" })
    void anythingElseIsRefused(String text) {
        assertFalse(MacAddress.isValid(text));
        assertThrows(IllegalArgumentException.class, () -> MacAddress.of(text));
    }
}
