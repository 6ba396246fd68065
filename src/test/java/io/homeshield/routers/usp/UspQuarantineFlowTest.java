package io.homeshield.routers.usp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.fleet.ConfigChange;
import io.homeshield.fleet.ConfigHistory;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.routers.usp.proto.UspMsgProto.Header.MsgType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.Lanes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** A household on a USP-managed router: quarantine through the outbox and the dispatcher to the agent's table. */
@QuarkusTest
@TestProfile(UspEnabledProfile.class)
@Tag(Lanes.BROKER)
class UspQuarantineFlowTest {

    private static final Duration SOON = Duration.ofSeconds(20);

    @Inject
    QuarantineService quarantines;

    @Inject
    ConfigHistory history;

    @Inject
    UspConfig config;

    @Inject
    UspRouterControl usp;

    @Inject
    UspDnsWatch dnsWatch;

    @Inject
    UspController controller;

    private UspTestAgent agent;
    private TestHousehold home;

    @BeforeEach
    void uspRouter() throws Exception {
        String endpointId = UspTestSettings.agentEndpointId();
        agent = new UspTestAgent(config.brokerUrl(), endpointId,
                config.agentTopic().replace("{endpointId}", endpointId),
                config.controllerEndpointId(), config.controllerTopic()).start();
        // Registered only once the controller has taken the agent's MQTTConnect, so the tests start from a quiet agent.
        await().atMost(SOON).until(() -> UspTestAgent.AGENT_VERSION.equals(controller.recordVersion(endpointId)));
        home = Fixtures.household("usp-" + endpointId);
        QuarkusTransaction.requiringNew().run(() -> {
            Router router = Router.findById(home.routerId());
            router.channel = ManagementChannel.USP;
            router.managementAddress = endpointId;
        });
    }

    @AfterEach
    void stopAgent() throws Exception {
        assertEquals(List.of(), agent.violations());
        agent.close();
        // A router whose agent is gone would only make the next test's DNS-watch run wait for it.
        QuarkusTransaction.requiringNew().run(()
                -> Router.<Router>findById(home.routerId()).channel = ManagementChannel.SIMULATED);
    }

    @Test
    void aQuarantineGoesFromRequestedToVerifiedWithTheDenyEntryOnTheRouterAndAReleaseRemovesIt() {
        Device camera = Fixtures.device(home, "IPCAM-4F2A", DeviceType.CAMERA);

        EnforcementAction quarantine = quarantines.quarantine(home.id(), camera.id, QuarantineLevel.FULL, null,
                Actor.subscriber("usp-owner"), null, null);
        assertEquals(ActionState.REQUESTED, quarantine.state);

        awaitState(quarantine.id, ActionState.VERIFIED);
        Map<Integer, Map<String, String>> table = agent.model().rows(AgentDataModel.ACCESS_CONTROL);
        assertEquals(1, table.size());
        Map<String, String> entry = table.values().iterator().next();
        assertEquals(camera.mac, entry.get("PhysAddress"));
        assertEquals("Deny", entry.get("AccessPolicy"));
        assertEquals("true", entry.get("Enable"));
        assertEquals("Controller", entry.get("Origin"));
        assertEquals(1, agent.requests(MsgType.ADD).size());
        assertNull(reload(quarantine.id).lastError);

        EnforcementAction release = quarantines.release(home.id(), camera.id, Actor.subscriber("usp-owner"), null,
                null);
        awaitState(release.id, ActionState.VERIFIED);
        assertTrue(agent.model().rows(AgentDataModel.ACCESS_CONTROL).isEmpty());
        assertEquals(1, agent.requests(MsgType.DELETE).size());
    }

    @Test
    void aRouterModelWithoutAccessControlFailsTheQuarantineWithThePlainReason() {
        agent.model().dropAccessControl();
        Device tv = Fixtures.device(home, "LGwebOSTV", DeviceType.TV);

        EnforcementAction quarantine = quarantines.quarantine(home.id(), tv.id, QuarantineLevel.FULL, null,
                Actor.subscriber("usp-owner"), null, null);

        awaitState(quarantine.id, ActionState.FAILED);
        assertEquals(SupportedModel.blockingUnsupported(), reload(quarantine.id).lastError);
    }

    @Test
    void aDnsServerChangedOnTheRouterLandsInItsConfigurationHistory() throws Exception {
        agent.model().put(AgentDataModel.DNS_SERVERS, Map.of("Enable", "true", "DNSServer", "192.0.2.53"));
        usp.watchDnsServers(new RouterTarget(home.routerId(), "SN", "HS-Box 7",
                ManagementChannel.USP, agent.endpointId()));

        agent.change(AgentDataModel.DNS_SERVERS, 1, "DNSServer", "203.0.113.66");
        await().atMost(SOON).until(() -> !agent.notifyResponses().isEmpty());
        agent.change(AgentDataModel.DNS_SERVERS, 1, "DNSServer", "198.51.100.9");
        await().atMost(SOON).until(() -> agent.notifyResponses().size() == 2);

        List<ConfigChange> changes = QuarkusTransaction.requiringNew().call(() -> history.recent(home.routerId(), 10));
        assertEquals(2, changes.size());
        ConfigChange latest = changes.stream().filter(c -> "198.51.100.9".equals(c.newValue)).findFirst().orElseThrow();
        assertEquals("Device.DNS.Client.Server.1.DNSServer", latest.path);
        assertEquals("203.0.113.66", latest.oldValue);
        assertEquals("unknown", latest.source);
    }

    @Test
    void anAgentThatIntroducesItselfIsAskedToReportDnsChangesAndTheyAreRecorded() {
        agent.model().put(AgentDataModel.DNS_SERVERS, Map.of("Enable", "true", "DNSServer", "192.0.2.53"));

        agent.onBoard();

        await().atMost(SOON).until(() -> agent.model().rows(AgentDataModel.SUBSCRIPTIONS).size() == 2);
        Map<String, String> subscription = agent.model().rows(AgentDataModel.SUBSCRIPTIONS).values().iterator().next();
        assertEquals(UspRouterControl.DNS_WATCH_ID, subscription.get("ID"));
        assertEquals("ValueChange", subscription.get("NotifType"));
        agent.change(AgentDataModel.DNS_SERVERS, 1, "DNSServer", "203.0.113.66");
        // the notification waits behind the controller's handling of other agents' introductions
        await().atMost(Duration.ofMinutes(1)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> history.recent(home.routerId(), 10)).stream()
                .anyMatch(change -> "203.0.113.66".equals(change.newValue)));
    }

    @Test
    void theTimerSetsUpTheWatchOnUspRoutersAndAsksAConfirmedAgentAgainOnlyAfterTheRecheckPeriod() {
        assertTrue(dnsWatch.watchDue() >= 1);
        assertEquals(2, agent.model().rows(AgentDataModel.SUBSCRIPTIONS).size(), "the DNS servers and Device.Boot!");
        int asked = agent.requests().size();

        dnsWatch.watchDue();

        assertEquals(asked, agent.requests().size());
    }

    @Test
    void usp1_quarantineAgainstAnAgentWithoutOriginEndsVerified() throws Exception {
        agent.model().coreParametersOnly();
        Device camera = Fixtures.device(home, "IPCAM-C0RE", DeviceType.CAMERA);

        EnforcementAction quarantine = quarantines.quarantine(home.id(), camera.id, QuarantineLevel.FULL, null,
                Actor.subscriber("usp-owner"), null, null);

        awaitState(quarantine.id, ActionState.VERIFIED);
        Map<String, String> entry = agent.model().rows(AgentDataModel.ACCESS_CONTROL).values().iterator().next();
        assertEquals("Deny", entry.get("AccessPolicy"));
        assertNull(entry.get("Origin"));
        assertTrue(entry.get("Alias").startsWith("homeshield-"));
        assertTrue(usp.capabilities(target()).contains("does not record who created a block"),
                usp.capabilities(target()));
    }

    @Test
    void usp6_aFactoryResetAgentGetsItsDnsWatchAndQuarantinesBackWithinOneMinute() throws Exception {
        agent.model().put(AgentDataModel.DNS_SERVERS, Map.of("Enable", "true", "DNSServer", "192.0.2.53"));
        Device camera = Fixtures.device(home, "IPCAM-R3SET", DeviceType.CAMERA);
        EnforcementAction quarantine = quarantines.quarantine(home.id(), camera.id, QuarantineLevel.FULL, null,
                Actor.subscriber("usp-owner"), null, null);
        awaitState(quarantine.id, ActionState.VERIFIED);
        usp.watchDnsServers(target());

        agent.factoryReset();

        await().atMost(Duration.ofMinutes(1)).until(() -> agent.model().rows(AgentDataModel.SUBSCRIPTIONS).size() == 2
                && agent.model().rows(AgentDataModel.ACCESS_CONTROL).values().stream()
                        .anyMatch(e -> camera.mac.equals(e.get("PhysAddress"))
                                && "Deny".equals(e.get("AccessPolicy"))));
        agent.change(AgentDataModel.DNS_SERVERS, 1, "DNSServer", "203.0.113.66");
        await().atMost(SOON).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> history.recent(home.routerId(), 10)).stream()
                .anyMatch(change -> "203.0.113.66".equals(change.newValue)));
    }

    @Test
    void usp10_releaseRestoresPreexistingEntryPolicy() {
        Device camera = Fixtures.device(home, "IPCAM-0WNR", DeviceType.CAMERA);
        agent.withOwnersAllowEntryFor(camera.mac);

        EnforcementAction quarantine = quarantines.quarantine(home.id(), camera.id, QuarantineLevel.FULL, null,
                Actor.subscriber("usp-owner"), null, null);
        awaitState(quarantine.id, ActionState.VERIFIED);
        assertEquals("Deny", agent.model().rows(AgentDataModel.ACCESS_CONTROL).get(1).get("AccessPolicy"));
        EnforcementAction release = quarantines.release(home.id(), camera.id, Actor.subscriber("usp-owner"), null,
                null);
        awaitState(release.id, ActionState.VERIFIED);

        Map<Integer, Map<String, String>> table = agent.model().rows(AgentDataModel.ACCESS_CONTROL);
        assertEquals(1, table.size());
        assertEquals("cpe-1", table.get(1).get("Alias"));
        assertEquals("Allow", table.get(1).get("AccessPolicy"));
        assertEquals(List.of(), agent.requests(MsgType.DELETE));
    }

    private RouterTarget target() {
        return new RouterTarget(home.routerId(), "SN", "HS-Box 7", ManagementChannel.USP, agent.endpointId());
    }

    private static void awaitState(UUID actionId, ActionState state) {
        await().atMost(SOON).until(() -> reload(actionId).state == state);
    }

    private static EnforcementAction reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.findById(id));
    }
}
