package io.homeshield.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

    @ParameterizedTest
    @CsvSource({ "cdn.example.com,cdn.example.com", "CDN.Example.COM.,cdn.example.com",
            "_dmarc.example.com,_dmarc.example.com",
            "bücher.example,xn--bcher-kva.example", "' a-b.example ',a-b.example",
                    "xn--bcher-kva.example,xn--bcher-kva.example",
            "localhost,localhost" })
    void normalisedToLowerCaseAscii(String text, String normal) {
        assertEquals(normal, DomainName.of(text).value());
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "a..b", "-a.example", "a-.example", "a b.example", "a/b.example", ".",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.example" })
    void refused(String text) {
        assertThrows(IllegalArgumentException.class, () -> DomainName.of(text));
    }
}
