package io.homeshield.routers.usp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.routers.usp.proto.UspMsgProto.Add;
import io.homeshield.routers.usp.proto.UspMsgProto.Header.MsgType;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.testsupport.Lanes;

/** The DNS-server subscription and the ValueChange notifications it brings, over the real broker. */
@Tag(Lanes.BROKER)
class UspDnsWatchTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    private final UspTestSettings settings = UspTestSettings.fresh(Duration.ofSeconds(3));
    private final List<String> stored = new CopyOnWriteArrayList<>();
    private final AtomicBoolean storageDown = new AtomicBoolean();
    private final AtomicInteger attempts = new AtomicInteger();
    private UspController controller;
    private UspRouterControl usp;
    private UspTestAgent agent;
    private RouterTarget router;

    @BeforeEach
    void start() throws Exception {
        InMemoryAgentStore store = new InMemoryAgentStore();
        controller = settings.controller((agentId, path, value) -> {
            attempts.incrementAndGet();
            if (storageDown.get()) {
                throw new IllegalStateException("database unavailable");
            }
            stored.add(agentId + " " + path + "=" + value);
        }, store);
        controller.connect();
        usp = new UspRouterControl(controller, store, null); // no evidence collected here
        agent = settings.agent(UspTestSettings.agentEndpointId()).start();
        agent.model().put(AgentDataModel.DNS_SERVERS, Map.of("Enable", "true", "DNSServer", "192.0.2.53"));
        router = new RouterTarget(UUID.randomUUID(), "SN-2", "HS-Box 7", ManagementChannel.USP, agent.endpointId());
    }

    @AfterEach
    void stop() throws Exception {
        assertEquals(List.of(), agent.violations());
        agent.close();
        controller.stop();
    }

    @Test
    void theSubscriptionIsAddedOnceWithValueChangeOnTheDnsServers() throws Exception {
        assertTrue(usp.watchDnsServers(router));
        assertFalse(usp.watchDnsServers(router));

        List<Msg> adds = agent.requests(MsgType.ADD);
        assertEquals(1, adds.size());
        Add.CreateObject object = adds.get(0).getBody().getRequest().getAdd().getCreateObjs(0);
        assertEquals("Device.LocalAgent.Subscription.", object.getObjPath());
        Map<String, String> params = object.getParamSettingsList().stream()
                .collect(Collectors.toMap(Add.CreateParamSetting::getParam, Add.CreateParamSetting::getValue));
        assertEquals("ValueChange", params.get("NotifType"));
        assertEquals("Device.DNS.Client.Server.", params.get("ReferenceList"));
        assertEquals("true", params.get("Enable"));
        assertEquals("true", params.get("NotifRetry"), "a notification lost in transit is sent again");
        assertEquals(2, agent.model().rows(AgentDataModel.SUBSCRIPTIONS).size(), "the DNS servers and Device.Boot!");
    }

    @Test
    void anAgentWithoutDnsServersIsWatchedForRestartsOnlyAndSaysWhatItCannotReport() throws Exception {
        agent.model().dropDnsServers();

        assertTrue(usp.watchDnsServers(router));

        Map<Integer, Map<String, String>> subscriptions = agent.model().rows(AgentDataModel.SUBSCRIPTIONS);
        assertEquals(List.of(UspRouterControl.BOOT_WATCH_ID),
                subscriptions.values().stream().map(s -> s.get("ID")).toList());
        assertTrue(usp.capabilities(router).contains("cannot report changes of its DNS servers"),
                usp.capabilities(router));
    }

    @Test
    void aChangedDnsServerIsReportedAndAcknowledged() throws Exception {
        usp.watchDnsServers(router);

        agent.change(AgentDataModel.DNS_SERVERS, 1, "DNSServer", "203.0.113.66");

        await().atMost(SOON).until(() -> !agent.notifyResponses().isEmpty());
        assertEquals(List.of(agent.endpointId() + " Device.DNS.Client.Server.1.DNSServer=203.0.113.66"), stored);
        Msg ack = agent.notifyResponses().get(0);
        assertEquals(MsgType.NOTIFY_RESP, ack.getHeader().getMsgType());
        assertEquals("notify-1", ack.getHeader().getMsgId());
        assertEquals(UspRouterControl.DNS_WATCH_ID, ack.getBody().getResponse().getNotifyResp().getSubscriptionId());
    }

    @Test
    void aChangeThatCouldNotBeStoredIsNotAcknowledgedSoTheAgentSendsItAgainAndItIsStoredOnce() throws Exception {
        usp.watchDnsServers(router);
        storageDown.set(true);

        agent.change(AgentDataModel.DNS_SERVERS, 1, "DNSServer", "203.0.113.66");
        await().atMost(SOON).until(() -> attempts.get() >= 1);
        assertEquals(List.of(), agent.notifyResponses(), "not stored, so not acknowledged");
        storageDown.set(false);

        await().atMost(SOON).until(() -> !agent.notifyResponses().isEmpty());
        assertEquals(List.of("notify-1"), agent.notifyResponses().stream().map(m -> m.getHeader().getMsgId()).toList());
        assertEquals(List.of(agent.endpointId() + " Device.DNS.Client.Server.1.DNSServer=203.0.113.66"), stored);
        assertTrue(agent.notificationsSent().size() >= 2, "the agent sent it again");
    }
}
