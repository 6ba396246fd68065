package io.homeshield.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.fleet.ConfigChange;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.routers.usp.UspEnabledProfile;
import io.homeshield.routers.usp.proto.UspMsgProto.Body;
import io.homeshield.routers.usp.proto.UspMsgProto.Header;
import io.homeshield.routers.usp.proto.UspMsgProto.Header.MsgType;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.routers.usp.proto.UspMsgProto.Notify;
import io.homeshield.routers.usp.proto.UspMsgProto.Request;
import io.homeshield.routers.usp.proto.UspRecordProto.MQTTConnectRecord;
import io.homeshield.routers.usp.proto.UspRecordProto.NoSessionContextRecord;
import io.homeshield.routers.usp.proto.UspRecordProto.Record;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.Lanes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Whoever can publish on the provider's broker tries to pass records off as another router's: the
 * controller takes a record only from the agent whose topic ({@code <controllerTopic>/<endpointId>})
 * the broker let it write, drops and counts everything else, and a flood cannot grow its queue.
 */
@QuarkusTest
@TestProfile(UspSenderAttacksTest.SmallQueue.class)
@Tag(Lanes.BROKER)
class UspSenderAttacksTest {

    private static final Duration SOON = Duration.ofSeconds(15);
    private static final String DROPPED = "homeshield.usp.records.dropped";
    private static final String DNS_SERVER = "Device.DNS.Client.Server.1.DNSServer";

    /** The USP controller on, with a notification queue small enough to overflow. */
    public static class SmallQueue extends UspEnabledProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("homeshield.usp.notification-queue", "4");
            return overrides;
        }
    }

    @ConfigProperty(name = "homeshield.usp.controller-topic")
    String controllerTopic;

    @ConfigProperty(name = "homeshield.usp.controller-endpoint-id")
    String controllerId;

    @ConfigProperty(name = "homeshield.usp.agent-topic")
    String agentTopic;

    @Inject
    MeterRegistry registry;

    @Inject
    QuarantineService quarantines;

    private final String victimId = endpointId();
    private final String attackerId = endpointId();
    private TestHousehold victimHome;
    private Peer victim;
    private Peer attacker;

    @BeforeEach
    void victimRouterAndAttacker() throws Exception {
        victimHome = Fixtures.household("usp-victim-" + victimId);
        QuarkusTransaction.requiringNew().run(() -> {
            Router router = Router.findById(victimHome.routerId());
            router.channel = ManagementChannel.USP;
            router.managementAddress = victimId;
        });
        victim = new Peer(topicOf(victimId));
        attacker = new Peer(topicOf(attackerId));
    }

    @AfterEach
    void stop() throws Exception {
        victim.close();
        attacker.close();
        QuarkusTransaction.requiringNew()
                .run(() -> Router.<Router>findById(victimHome.routerId()).channel = ManagementChannel.SIMULATED);
    }

    @Test
    void aNotificationClaimingAnotherAgentsIdOnTheAttackersTopicIsDroppedAndCounted() throws Exception {
        double before = dropped("spoofed-sender");

        attacker.publish(controllerTopic + "/" + attackerId, valueChange(victimId, "203.0.113.66", "spoof-1"));

        await().atMost(SOON).until(() -> dropped("spoofed-sender") == before + 1);
        assertVictimUnchanged();
        assertEquals(List.of(), attacker.received(), "no acknowledgement for a dropped record");
    }

    @Test
    void aNotificationFromAnUnregisteredEndpointChangesNoRouter() throws Exception {
        long changesBefore = allConfigChanges();

        attacker.publish(controllerTopic + "/" + attackerId, valueChange(attackerId, "203.0.113.66", "unknown-1"));

        await().atMost(SOON).until(() -> !attacker.received().isEmpty());
        assertEquals(changesBefore, allConfigChanges());
        assertVictimUnchanged();
    }

    @Test
    void anMqttConnectRecordClaimingAnotherAgentCannotRedirectItsRequests() throws Exception {
        double before = dropped("spoofed-sender");
        attacker.publish(controllerTopic + "/" + attackerId,
                record(victimId).setMqttConnect(MQTTConnectRecord.newBuilder()
                .setVersion(MQTTConnectRecord.MQTTVersion.V5).setSubscribedTopic(attacker.topic)).build()
                        .toByteArray());
        await().atMost(SOON).until(() -> dropped("spoofed-sender") == before + 1);

        Device camera = Fixtures.device(victimHome, "IPCAM-V1CT", DeviceType.CAMERA);
        quarantines.quarantine(victimHome.id(), camera.id, QuarantineLevel.FULL, null,
                Actor.subscriber("usp-victim"), null, null);

        await().atMost(SOON).until(() -> !victim.received().isEmpty());
        assertTrue(victim.received().stream().allMatch(r -> r.getToId().equals(victimId)));
        assertEquals(List.of(), attacker.received(), "nothing of the victim's went to the attacker's topic");
    }

    @Test
    void anOversizedRecordIsDroppedUnread() throws Exception {
        double before = dropped("oversized");
        byte[] huge = new byte[512 * 1024];
        new SecureRandom().nextBytes(huge);

        victim.publish(controllerTopic + "/" + victimId, huge);

        await().atMost(SOON).until(() -> dropped("oversized") == before + 1);
        assertVictimUnchanged();
    }

    @Test
    void garbageIsDroppedUnreadAndTheControllerGoesOn() throws Exception {
        double before = dropped("unreadable");

        victim.publish(controllerTopic + "/" + victimId, "{\"not\":\"a usp record\"}\u0000\u00ff".getBytes());
        await().atMost(SOON).until(() -> dropped("unreadable") == before + 1);

        victim.publish(controllerTopic + "/" + victimId, valueChange(victimId, "192.0.2.54", "after-garbage"));
        await().atMost(SOON).until(() -> victimChanges() == 1);
    }

    @Test
    void aRecordForAnotherControllerIsDropped() throws Exception {
        double before = dropped("not-addressed");
        Msg notify = notifyMsg("other-1", "203.0.113.66");

        victim.publish(controllerTopic + "/" + victimId, Record.newBuilder().setVersion("1.3").setToId("self::other")
                .setFromId(victimId).setNoSessionContext(NoSessionContextRecord.newBuilder()
                        .setPayload(notify.toByteString())).build().toByteArray());

        await().atMost(SOON).until(() -> dropped("not-addressed") == before + 1);
        assertVictimUnchanged();
    }

    @Test
    void aRecordOnTheBareControllerTopicNamesNoCheckedSenderAndIsDropped() throws Exception {
        double before = dropped("unchecked-sender");

        attacker.publish(controllerTopic, valueChange(victimId, "203.0.113.66", "bare-1"));

        await().atMost(SOON).until(() -> dropped("unchecked-sender") == before + 1);
        assertVictimUnchanged();
    }

    @Test
    void aFloodOverflowsTheBoundedQueueWithoutAcknowledgingWhatWasNotStored() throws Exception {
        double before = dropped("queue-full");
        int flood = 400;

        // QoS 0 and not awaited one by one: the records arrive as fast as the broker can pass them on.
        List<IMqttToken> sent = new ArrayList<>();
        for (int i = 0; i < flood; i++) {
            sent.add(attacker.send(controllerTopic + "/" + attackerId, valueChange(attackerId, "203.0.113." + (i % 250),
                    "flood-" + i), 0));
        }
        for (IMqttToken token : sent) {
            token.waitForCompletion(5000);
        }

        await().atMost(SOON).until(() -> dropped("queue-full") > before);
        // every record is either answered or counted; a busy machine takes its time over 400 of them
        await().atMost(Duration.ofMinutes(2)).until(() -> attacker.received().size()
                + (dropped("queue-full") - before) == flood);
        assertTrue(attacker.received().size() < flood, "what overflowed was not acknowledged, so the agent repeats it");
        victim.publish(controllerTopic + "/" + victimId, valueChange(victimId, "192.0.2.54", "after-flood"));
        await().atMost(SOON).until(() -> victimChanges() == 1);
        await().atMost(SOON).until(() -> !victim.received().isEmpty());
    }

    private void assertVictimUnchanged() {
        assertEquals(0, victimChanges(), "the victim router's configuration history");
        // The controller's own checks of the victim's subscriptions may come at any time; an acknowledgement may not.
        assertEquals(List.of(), victim.received().stream().filter(UspSenderAttacksTest::acknowledgesANotification)
                .toList(),
                "nothing was sent to the victim on the attacker's behalf");
    }

    private static boolean acknowledgesANotification(Record record) {
        try {
            return Msg.parseFrom(record.getNoSessionContext().getPayload()).getHeader().getMsgType() == MsgType
                    .NOTIFY_RESP;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return true;
        }
    }

    private long victimChanges() {
        return QuarkusTransaction.requiringNew().call(() -> ConfigChange.count("routerId", victimHome.routerId()));
    }

    private static long allConfigChanges() {
        return QuarkusTransaction.requiringNew().call(() -> ConfigChange.count());
    }

    private double dropped(String reason) {
        Counter counter = registry.find(DROPPED).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private String topicOf(String endpointId) {
        return agentTopic.replace("{endpointId}", endpointId);
    }

    private Record.Builder record(String fromId) {
        return Record.newBuilder().setVersion("1.3").setToId(controllerId).setFromId(fromId);
    }

    private byte[] valueChange(String fromId, String value, String msgId) {
        return record(fromId).setNoSessionContext(NoSessionContextRecord.newBuilder()
                .setPayload(notifyMsg(msgId, value).toByteString())).build().toByteArray();
    }

    private static Msg notifyMsg(String msgId, String value) {
        Notify notify = Notify.newBuilder().setSubscriptionId("homeshield-dns-servers").setSendResp(true)
                .setValueChange(Notify.ValueChange.newBuilder().setParamPath(DNS_SERVER).setParamValue(value)).build();
        return Msg.newBuilder().setHeader(Header.newBuilder().setMsgId(msgId).setMsgType(MsgType.NOTIFY))
                .setBody(Body.newBuilder().setRequest(Request.newBuilder().setNotify(notify))).build();
    }

    private static String endpointId() {
        return "os::00256D-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** A client on the broker that publishes what it is told and keeps the records sent to its topic. */
    private static final class Peer implements MqttCallback {

        final String topic;
        private final MqttAsyncClient client;
        private final List<Record> received = new CopyOnWriteArrayList<>();

        Peer(String topic) throws MqttException {
            this.topic = topic;
            client = new MqttAsyncClient("tcp://127.0.0.1:1883", "usp-attack-" + UUID.randomUUID(),
                    new MemoryPersistence());
            client.setCallback(this);
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setCleanStart(true);
            client.connect(options).waitForCompletion(5000);
            client.subscribe(topic, 1).waitForCompletion(5000);
        }

        void publish(String to, byte[] payload) throws MqttException {
            send(to, payload, 1).waitForCompletion(5000);
        }

        IMqttToken send(String to, byte[] payload, int qos) throws MqttException {
            MqttMessage message = new MqttMessage(payload);
            message.setQos(qos);
            MqttProperties properties = new MqttProperties();
            properties.setContentType("usp.msg");
            properties.setResponseTopic(topic);
            message.setProperties(properties);
            return client.publish(to, message);
        }

        List<Record> received() {
            return List.copyOf(received);
        }

        void close() throws MqttException {
            client.disconnect().waitForCompletion(5000);
            client.close();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws Exception {
            received.add(Record.parseFrom(message.getPayload()));
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
