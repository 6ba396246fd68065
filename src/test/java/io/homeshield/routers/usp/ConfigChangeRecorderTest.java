package io.homeshield.routers.usp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.fleet.ConfigChange;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ConfigChangeRecorderTest {

    private static final String WAN_DNS = "Device.DNS.Client.Server.1.DNSServer";

    @Inject
    ConfigChangeRecorder recorder;

    @Test
    void aDnsServerAnAgentReportsChangedToAnUnknownResolverIsRecordedAndRaisesTheRoutersAlert() {
        UUID routerId = Fixtures.household("usp-recorder").routerId();
        String endpoint = "os::00256D-" + routerId.toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> Router.update("channel = ?1, managementAddress = ?2 where id = ?3",
                ManagementChannel.USP, endpoint, routerId));

        recorder.valueChanged(endpoint, WAN_DNS, "192.0.2.53");
        List<Alert> none = QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>list("routerId", routerId));
        assertEquals(List.of(), none, "the provider's own resolver");

        recorder.valueChanged(endpoint, WAN_DNS, "203.0.113.66");
        List<ConfigChange> history = QuarkusTransaction.requiringNew()
                .call(() -> ConfigChange.<ConfigChange>list("routerId = ?1 order by changedAt", routerId));
        assertEquals(List.of("192.0.2.53", "203.0.113.66"), history.stream().map(c -> c.newValue).toList());
        List<Alert> alerts = QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>list("routerId", routerId));
        assertEquals(1, alerts.size());
        assertEquals("ROUTER_DNS_HIJACK", alerts.get(0).type);
        assertEquals("203.0.113.66", alerts.get(0).indicator);
        assertNull(alerts.get(0).deviceId);
    }
}
