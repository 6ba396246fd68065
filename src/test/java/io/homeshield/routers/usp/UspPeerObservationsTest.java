package io.homeshield.routers.usp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.MacAddress;
import io.homeshield.routers.usp.proto.UspMsgProto.Add;
import io.homeshield.routers.usp.proto.UspMsgProto.Header.MsgType;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.routers.usp.proto.UspMsgProto.Set;
import io.homeshield.testsupport.Lanes;

/**
 * What the reference USP agent (obuspa v11) answered when HomeShield was tried against it, one test
 * per observation: the test agent answers as obuspa does, and the adapter holds against it.
 */
@Tag(Lanes.BROKER)
class UspPeerObservationsTest {

    private static final MacAddress CAMERA = MacAddress.of("AA:BB:CC:00:11:22");
    private static final Duration SOON = Duration.ofSeconds(10);

    private final UspTestSettings settings = UspTestSettings.fresh(Duration.ofMillis(1500));
    private final InMemoryAgentStore store = new InMemoryAgentStore();
    /**
     * What the controller handed on, in order: "changed <agent> <path>=<value>", "started <agent>", "connected
     * <agent>".
     */
    private final List<String> reported = new CopyOnWriteArrayList<>();
    private final List<UspTestAgent> agents = new ArrayList<>();
    private UspController controller;
    private UspRouterControl usp;

    @BeforeEach
    void startController() throws Exception {
        controller = settings.controller(new AgentNotifications() {
            @Override
            public void valueChanged(String agent, String path, String value) {
                reported.add("changed " + agent + " " + path + "=" + value);
            }

            @Override
            public void agentStarted(String agent) {
                reported.add("started " + agent);
            }

            @Override
            public void agentConnected(String agent) {
                reported.add("connected " + agent);
            }
        }, store);
        controller.connect();
        usp = new UspRouterControl(controller, store, null); // no evidence collected here
    }

    @AfterEach
    void stop() throws Exception {
        for (UspTestAgent agent : agents) {
            assertEquals(List.of(), agent.violations(), "what a real agent would have rejected");
            agent.close();
        }
        controller.stop();
    }

    @Test
    void usp1_agentWithoutOriginStillQuarantinesAndVerifies() throws Exception {
        UspTestAgent agent = agent(a -> {
            a.model().coreParametersOnly();
            return a;
        });
        RouterTarget router = routerOf(agent);

        usp.quarantine(router, CAMERA, QuarantineLevel.FULL);

        assertTrue(usp.isQuarantined(router, CAMERA));
        Add add = agent.requests(MsgType.ADD).get(0).getBody().getRequest().getAdd();
        Map<String, String> params = add.getCreateObjs(0).getParamSettingsList().stream()
                .collect(Collectors.toMap(Add.CreateParamSetting::getParam, Add.CreateParamSetting::getValue));
        assertEquals(Map.of("Alias", "homeshield-aabbcc001122", "PhysAddress", CAMERA.value(), "AccessPolicy", "Deny",
                "Enable", "true"), params, "only parameters the agent listed in its supported data model");
        assertEquals(1, agent.requests(MsgType.GET_SUPPORTED_DM).size());
        assertTrue(usp.capabilities(router).contains("can block devices"), usp.capabilities(router));

        // The peer refuses Origin as obuspa does: the message fails, the parameter's own error is 7010.
        UspRequestRefused refused = assertThrows(UspRequestRefused.class, () -> controller.call(agent.endpointId(),
                UspMessages.add(UspRouterControl.ACCESS_CONTROL, Map.of("PhysAddress", "AA:BB:CC:00:99:99",
                        "Origin", "Controller"))));
        assertEquals(UspErrorReasons.UNSUPPORTED_PARAMETER, refused.code());
        assertEquals(1, agent.model().rows(AgentDataModel.ACCESS_CONTROL).size(), "allow_partial false: nothing added");
    }

    @Test
    void usp2_readOnlyParameterIsRefusedWith7013InPlainWords() throws Exception {
        UspTestAgent agent = agent(UnaryOperator.identity());

        UspRequestRefused e = assertThrows(UspRequestRefused.class,
                () -> usp.setParameters(routerOf(agent), Map.of("Device.DeviceInfo.SoftwareVersion", "9.9.9")));

        assertEquals(UspErrorReasons.PARAMETER_READ_ONLY, e.code());
        assertEquals("This router model does not allow changing this setting.", e.getMessage());
        assertFalse(e.retryable());
        assertEquals("1.4.2", usp.firmwareVersion(routerOf(agent)));
    }

    @Test
    void usp3_answersComeOnTheResponseTopicAndRecordsCarryTheAgentsVersion() throws Exception {
        UspTestAgent agent = agent(UnaryOperator.identity());
        RouterTarget router = routerOf(agent);

        assertFalse(usp.isQuarantined(router, CAMERA));
        usp.reboot(router);

        assertTrue(agent.records().stream().allMatch(r -> r.getVersion().equals("1.3")),
                "a 1.3 agent gets 1.3 records: " + agent.records().stream().map(r -> r.getVersion()).toList());
        assertEquals(1, agent.requests(MsgType.OPERATE).size());
        await().atMost(SOON).until(() -> agent.connects() == 2);
        assertFalse(usp.isQuarantined(router, CAMERA), "the restarted agent answers again");
    }

    @Test
    void usp4_subscriptionsAskForRetriesSoEveryNotificationIsAcknowledgedOnceStored() throws Exception {
        UspTestAgent agent = agent(UnaryOperator.identity());
        agent.model().put(AgentDataModel.DNS_SERVERS, Map.of("Enable", "true", "DNSServer", "192.0.2.53"));

        usp.watchDnsServers(routerOf(agent));
        agent.change(AgentDataModel.DNS_SERVERS, 1, "DNSServer", "203.0.113.66");

        await().atMost(SOON).until(() -> !agent.notifyResponses().isEmpty());
        assertTrue(reported.contains("changed " + agent.endpointId()
                + " Device.DNS.Client.Server.1.DNSServer=203.0.113.66"),
                "stored before it was acknowledged");
        assertTrue(agent.model().rows(AgentDataModel.SUBSCRIPTIONS).values().stream()
                .allMatch(s -> "true".equals(s.get("NotifRetry"))));
        Msg sent = agent.notificationsSent().get(0);
        assertTrue(sent.getBody().getRequest().getNotify().getSendResp());
    }

    @Test
    void usp5_theControllerHearsEveryConnectAndIsToldOfRestartsThroughItsBootSubscription() throws Exception {
        UspTestAgent agent = agent(UnaryOperator.identity());
        await().atMost(SOON).until(() -> reported.contains("connected " + agent.endpointId()));
        agent.reboot("LocalReboot");
        await().atMost(SOON).until(() -> reported.stream().filter(("connected "
                + agent.endpointId())::equals).count() == 2);
        assertFalse(reported.contains("started " + agent.endpointId()), "Boot! goes only to subscribed controllers");

        usp.watchDnsServers(routerOf(agent));
        agent.reboot("LocalReboot");

        await().atMost(SOON).until(() -> reported.contains("started " + agent.endpointId()));
        assertTrue(agent.model().rows(AgentDataModel.SUBSCRIPTIONS).values().stream()
                .anyMatch(s -> "Event".equals(s.get("NotifType")) && "Device.Boot!".equals(s.get("ReferenceList"))));
        await().atMost(SOON).until(() -> agent.notifyResponses().size() == 1);
    }

    @Test
    void usp6_afterAFactoryResetTheAgentIsWatchedAndBlocksAgain() throws Exception {
        UspTestAgent agent = agent(UnaryOperator.identity());
        RouterTarget router = routerOf(agent);
        usp.watchDnsServers(router);
        usp.quarantine(router, CAMERA, QuarantineLevel.FULL);

        agent.factoryReset();

        assertEquals(Map.of(), agent.model().rows(AgentDataModel.SUBSCRIPTIONS));
        assertFalse(usp.isQuarantined(router, CAMERA), "the reset took the block away");
        assertTrue(usp.watchDnsServers(router), "the lost subscriptions are noticed and made again");
        usp.quarantine(router, CAMERA, QuarantineLevel.FULL);
        assertTrue(usp.isQuarantined(router, CAMERA));
    }

    @Test
    void usp7_aValueChangePolledSecondsLaterStillLandsAndIsAcknowledged() throws Exception {
        UspTestAgent agent = agent(a -> a.pollingEvery(Duration.ofSeconds(2)));
        agent.model().put(AgentDataModel.DNS_SERVERS, Map.of("Enable", "true", "DNSServer", "192.0.2.53"));
        usp.watchDnsServers(routerOf(agent));

        agent.change(AgentDataModel.DNS_SERVERS, 1, "DNSServer", "203.0.113.66");
        await("the agent has not polled yet").during(Duration.ofMillis(300)).atMost(SOON)
                .until(() -> reported.stream().noneMatch(r -> r.startsWith("changed")));

        await().atMost(SOON).until(() -> !agent.notifyResponses().isEmpty());
        assertEquals(1, reported.stream().filter(r -> r.startsWith("changed")).count());
    }

    @Test
    void usp8_requestsGoToTheTopicTheAgentSaysItListensOn() throws Exception {
        String ownTopic = "/" + settings.controllerTopic().replace("/controller", "") + "/usp/agent-"
                + UUID.randomUUID();
        UspTestAgent agent = agent(a -> a.listeningOn(ownTopic));

        assertEquals(ownTopic, controller.agentTopic(agent.endpointId()));
        assertNotEquals(ownTopic, settings.agentTopic().replace("{endpointId}", agent.endpointId()));
        assertFalse(usp.isQuarantined(routerOf(agent), CAMERA), "answered, not timed out");
        assertEquals(1, agent.requests(MsgType.GET).size());
        assertEquals(ownTopic, store.address(agent.endpointId()).orElseThrow().topic(), "kept for the next restart");
    }

    @Test
    void usp9_error7028IsRegisterFailureAndEveryNameIsTheStandards() {
        assertEquals("The router refused to register the data model paths it was asked to serve.",
                UspErrorReasons.reasonFor(7028));
        assertEquals(7028, UspErrorReasons.REGISTER_FAILURE);
        assertEquals(7029, UspErrorReasons.DEREGISTER_FAILURE);
        assertEquals(7030, UspErrorReasons.PATH_ALREADY_REGISTERED);
        assertEquals(7015, UspErrorReasons.OPERATION_ERROR);
        assertEquals(7024, UspErrorReasons.DELETE_FAILURE);
        assertEquals(7026, UspErrorReasons.INVALID_PATH);
        assertEquals(7013, UspErrorReasons.PARAMETER_READ_ONLY);
        assertFalse(UspErrorReasons.isRetryable(7028));
    }

    @Test
    void usp10_releaseRestoresPreexistingEntryPolicy() throws Exception {
        UspTestAgent agent = agent(a -> a.withOwnersAllowEntryFor(CAMERA.value()));
        RouterTarget router = routerOf(agent);

        usp.quarantine(router, CAMERA, QuarantineLevel.FULL);
        assertTrue(usp.isQuarantined(router, CAMERA));
        usp.quarantine(router, CAMERA, QuarantineLevel.FULL);
        usp.release(router, CAMERA);

        assertEquals(List.of(), agent.requests(MsgType.DELETE), "the owner's entry is never deleted");
        assertEquals(List.of(), agent.requests(MsgType.ADD));
        Map<String, String> entry = agent.model().rows(AgentDataModel.ACCESS_CONTROL).get(1);
        assertEquals("cpe-1", entry.get("Alias"));
        assertEquals("Allow", entry.get("AccessPolicy"),
                "its previous policy, not the Deny of the repeated quarantine");
        assertEquals("true", entry.get("Enable"));
        assertFalse(usp.isQuarantined(router, CAMERA));
        List<Msg> sets = agent.requests(MsgType.SET);
        Set restore = sets.get(sets.size() - 1).getBody().getRequest().getSet();
        assertFalse(restore.getUpdateObjs(0).getParamSettingsList().stream().anyMatch(p
                -> p.getParam().equals("Origin")));
    }

    private UspTestAgent agent(UnaryOperator<UspTestAgent> setup) throws Exception {
        UspTestAgent agent = setup.apply(settings.agent(UspTestSettings.agentEndpointId())).start();
        agents.add(agent);
        await().atMost(SOON).until(() -> UspTestAgent.AGENT_VERSION
                .equals(controller.recordVersion(agent.endpointId())));
        return agent;
    }

    private static RouterTarget routerOf(UspTestAgent agent) {
        return new RouterTarget(UUID.randomUUID(), "SN-" + agent.endpointId(), "HS-Box 7", ManagementChannel.USP,
                agent.endpointId());
    }
}
