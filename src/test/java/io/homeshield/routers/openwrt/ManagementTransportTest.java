package io.homeshield.routers.openwrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ManagementTransportTest {

    private final ManagementTransport transport = new ManagementTransport(List.of("10.20.0.0/16", "fd00:20::/32"));

    @Test
    void httpsIsUsedEverywhere() {
        assertEquals(Optional.empty(), transport.refusal("https://192.0.2.10/ubus"));
        assertEquals(Optional.empty(), transport.refusal("https://router-17.mgmt.example.net/ubus"));
    }

    @Test
    void plainHttpOnlyToAddressLiteralsInsideTheListedNetworks() {
        assertEquals(Optional.empty(), transport.refusal("http://10.20.4.1/ubus"));
        assertEquals(Optional.empty(), transport.refusal("http://[fd00:20::1]/ubus"));
        assertTrue(transport.refusal("http://10.21.0.1/ubus").orElseThrow().startsWith("must use https"));
        assertTrue(transport.refusal("http://[fd00:21::1]/ubus").isPresent());
        assertTrue(transport.refusal("http://router.mgmt.example.net/ubus").isPresent(), "names can resolve elsewhere");
        assertTrue(transport.refusal("http://0x0a140401/ubus").isPresent(), "a numeric form is not an address literal");
    }

    @Test
    void anythingButAUbusUrlIsRefused() {
        assertTrue(transport.refusal("ftp://10.20.4.1/ubus").isPresent());
        assertTrue(transport.refusal("https://root:secret@192.0.2.10/ubus").isPresent());
        assertTrue(transport.refusal("not a url").isPresent());
        assertTrue(transport.refusal(null).isPresent());
    }

    @Test
    void aMistypedNetworkStopsTheApplicationFromStarting() {
        assertThrows(IllegalArgumentException.class, () -> new ManagementTransport(List.of("10.20.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> new ManagementTransport(List.of("mgmt.example.net/24")));
    }
}
