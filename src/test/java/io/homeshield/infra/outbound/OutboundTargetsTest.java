package io.homeshield.infra.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the guard says about a URL, and why: the words a subscriber or an analyst reads. */
class OutboundTargetsTest {

    private final OutboundTargets guard = new OutboundTargets(List.of("10.20.0.0/16", "siem.isp.internal",
            "*.hooks.isp.internal"), host -> List.of(InetAddress.getByName("10.99.0.1")));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "http://2130706433/ | the address 127.0.0.1 in another notation, a loopback address",
        "http://0177.0.0.1/ | the address 127.0.0.1 in another notation",
        "http://0x7f.1/ | the address 127.0.0.1 in another notation",
        "http://127.1/ | the address 127.0.0.1 in another notation",
        "http://0xa9fea9fe/ | the address 169.254.169.254 in another notation, a link-local address",
        "http://[::ffff:127.0.0.1]/ | 127.0.0.1 (a loopback address",
        "http://[64:ff9b::a9fe:a9fe]/ | an IPv6 form of 169.254.169.254, a link-local address",
        "http://[2002:a00:1::]/ | an IPv6 form of 10.0.0.1, a private network address",
        "http://[fd00:ec2::254]/ | a unique-local address",
        "http://good@127.0.0.1/ | must not carry a user name or password",
        "http://metadata.google.internal/ | is a cloud metadata service",
        "http://intranet/ | a name without a domain",
        "gopher://127.0.0.1/ | 'gopher:' URLs are not sent to",
        "http://10.21.0.1/ | 10.21.0.1 (a private network address (10.0.0.0/8)), which is not sent to",
    })
    void anInternalTargetIsRefusedSayingWhy(String url, String why) {
        OutboundRefusedException refused = assertThrows(OutboundRefusedException.class,
                () -> guard.checked(url, true));
        assertTrue(refused.getMessage().contains(why.strip()), refused.getMessage());
    }

    @Test
    void httpsIsRequiredWhereHttpIsNotAllowed() {
        assertTrue(assertThrows(OutboundRefusedException.class, () -> guard.checked("http://feeds.example.net/x",
                false)).getMessage().startsWith("must use https"));
    }

    @Test
    void theProvidersOwnReceiversArePermittedByRangeNameOrDomain() {
        assertEquals("10.20.3.4", guard.connectable(guard.checked("http://10.20.3.4:8080/hook", true))
                .getHostAddress());
        assertEquals("10.99.0.1", guard.connectable(guard.checked("https://siem.isp.internal/in", true))
                .getHostAddress());
        assertEquals("10.99.0.1", guard.connectable(guard.checked("https://a.hooks.isp.internal/in", true))
                .getHostAddress());
        OutboundRefusedException other = assertThrows(OutboundRefusedException.class,
                () -> guard.connectable(guard.checked("https://hooks.example.com/in", true)));
        assertEquals("hooks.example.com resolves to 10.99.0.1 (a private network address (10.0.0.0/8)), which is"
                + " not sent to", other.getMessage());
    }

    @Test
    void aPublicTargetIsTakenApartAsItWillBeUsed() throws UnknownHostException {
        OutboundTarget target = guard.parse("HTTPS://Hooks.Example.COM./in?x=1#part", false);
        assertEquals("https://hooks.example.com/in?x=1", target.url());
        assertEquals(443, target.port());
        assertNull(target.literal());
        assertNull(SpecialAddresses.whyNotPublic(InetAddress.getByName("93.184.215.14")));
        assertNull(SpecialAddresses.whyNotPublic(InetAddress.getByName("2606:4700::1111")));
    }
}
