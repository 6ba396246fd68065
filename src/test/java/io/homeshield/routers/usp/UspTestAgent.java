package io.homeshield.routers.usp;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

import io.homeshield.routers.usp.proto.UspMsgProto.Body;
import io.homeshield.routers.usp.proto.UspMsgProto.Header;
import io.homeshield.routers.usp.proto.UspMsgProto.Header.MsgType;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.routers.usp.proto.UspMsgProto.Notify;
import io.homeshield.routers.usp.proto.UspMsgProto.Request;
import io.homeshield.routers.usp.proto.UspRecordProto.NoSessionContextRecord;
import io.homeshield.routers.usp.proto.UspRecordProto.Record;

/**
 * A router's USP agent on the real broker, as the MQTT binding of TR-369 shapes it: connects with
 * its endpoint id as user property, takes Records on its own topic, answers each request on the
 * request's Response Topic, and sends ValueChange notifications for its subscriptions to the
 * controller. Anything a real agent would reject (wrong content type, no Response Topic, a Record
 * not addressed to it) is kept in {@link #violations()} and left unanswered.
 */
final class UspTestAgent implements MqttCallback, AutoCloseable {

    private final String brokerUrl;
    private final String endpointId;
    private final String topic;
    private final String controllerEndpointId;
    private final String controllerTopic;
    private final AgentDataModel model = new AgentDataModel();
    private final List<Msg> requests = new CopyOnWriteArrayList<>();
    private final List<Record> records = new CopyOnWriteArrayList<>();
    private final List<Msg> notifyResponses = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger notifications = new AtomicInteger();
    private volatile boolean silent;
    private volatile Integer refusal;
    private MqttAsyncClient client;

    UspTestAgent(String brokerUrl, String endpointId, String topic, String controllerEndpointId, String controllerTopic) {
        this.brokerUrl = brokerUrl;
        this.endpointId = endpointId;
        this.topic = topic;
        this.controllerEndpointId = controllerEndpointId;
        this.controllerTopic = controllerTopic;
    }

    UspTestAgent start() throws MqttException {
        client = new MqttAsyncClient(brokerUrl, "agent-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(this);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSocketFactory(new NoDelaySockets());
        options.setUserProperties(List.of(new UserProperty("usp-endpoint-id", endpointId)));
        client.connect(options).waitForCompletion(5000);
        client.subscribe(topic, 1).waitForCompletion(5000);
        return this;
    }

    AgentDataModel model() {
        return model;
    }

    String endpointId() {
        return endpointId;
    }

    /** Requests received, in order. */
    List<Msg> requests() {
        return List.copyOf(requests);
    }

    List<Msg> requests(MsgType type) {
        return requests.stream().filter(m -> m.getHeader().getMsgType() == type).toList();
    }

    /** The Records that carried the requests. */
    List<Record> records() {
        return List.copyOf(records);
    }

    List<Msg> notifyResponses() {
        return List.copyOf(notifyResponses);
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** Stops answering, as an agent whose router lost power. */
    void silent(boolean silent) {
        this.silent = silent;
    }

    /** Answers every request with a USP Error of this code. */
    void refuseWith(int code) {
        this.refusal = code;
    }

    /** Changes a parameter as the router's own UI would, and notifies the subscriptions that watch it. */
    void change(String tablePath, int instance, String param, String value) {
        model.change(tablePath, instance, param, value, this::notifyValueChange);
    }

    /** Introduces itself to the controller, as an agent does on first contact and after a factory reset. */
    void onBoard() {
        Notify notify = Notify.newBuilder().setSubscriptionId("").setSendResp(true)
                .setOnBoardReq(Notify.OnBoardRequest.newBuilder().setOui("00256D").setProductClass("HS-Box")
                        .setSerialNumber(endpointId.substring(endpointId.lastIndexOf('-') + 1))
                        .setAgentSupportedProtocolVersions("1.4"))
                .build();
        Msg msg = Msg.newBuilder()
                .setHeader(Header.newBuilder().setMsgId("notify-" + notifications.incrementAndGet())
                        .setMsgType(MsgType.NOTIFY))
                .setBody(Body.newBuilder().setRequest(Request.newBuilder().setNotify(notify))).build();
        publish(controllerTopic, controllerEndpointId, msg);
    }

    private void notifyValueChange(String path, String value) {
        for (Map<String, String> subscription : model.rows(AgentDataModel.SUBSCRIPTIONS).values()) {
            boolean watches = List.of(subscription.getOrDefault("ReferenceList", "").split(",")).stream()
                    .anyMatch(reference -> !reference.isBlank() && path.startsWith(reference.trim()));
            if (watches && "true".equals(subscription.get("Enable"))
                    && "ValueChange".equals(subscription.get("NotifType"))) {
                Notify notify = Notify.newBuilder().setSubscriptionId(subscription.get("ID"))
                        .setSendResp(!"false".equals(subscription.getOrDefault("NotifRetry", "true")))
                        .setValueChange(Notify.ValueChange.newBuilder().setParamPath(path).setParamValue(value)).build();
                Msg msg = Msg.newBuilder()
                        .setHeader(Header.newBuilder().setMsgId("notify-" + notifications.incrementAndGet())
                                .setMsgType(MsgType.NOTIFY))
                        .setBody(Body.newBuilder().setRequest(Request.newBuilder().setNotify(notify))).build();
                publish(controllerTopic, controllerEndpointId, msg);
            }
        }
    }

    @Override
    public void messageArrived(String receivedOn, MqttMessage message) throws Exception {
        MqttProperties properties = message.getProperties();
        if (properties == null || !"usp.msg".equals(properties.getContentType())) {
            violations.add("content type is not usp.msg");
            return;
        }
        String responseTopic = properties.getResponseTopic();
        if (responseTopic == null || responseTopic.isBlank()) {
            violations.add("no Response Topic");
            return;
        }
        Record record = Record.parseFrom(message.getPayload());
        if (!"1.4".equals(record.getVersion()) || !endpointId.equals(record.getToId())
                || !controllerEndpointId.equals(record.getFromId())
                || record.getRecordTypeCase() != Record.RecordTypeCase.NO_SESSION_CONTEXT) {
            violations.add("record " + record.getVersion() + " from " + record.getFromId() + " to " + record.getToId()
                    + " as " + record.getRecordTypeCase());
            return;
        }
        records.add(record);
        Msg msg = Msg.parseFrom(record.getNoSessionContext().getPayload());
        if (msg.getBody().getMsgBodyCase() == Body.MsgBodyCase.RESPONSE) {
            notifyResponses.add(msg);
            return;
        }
        requests.add(msg);
        if (silent) {
            return;
        }
        Integer code = refusal;
        Msg answer = code != null
                ? AgentDataModel.error(msg.getHeader().getMsgId(), code, "", "Refused by the test router")
                : model.answer(msg);
        publish(responseTopic, record.getFromId(), answer);
    }

    private void publish(String to, String toEndpoint, Msg msg) {
        byte[] record = Record.newBuilder().setVersion("1.4").setToId(toEndpoint).setFromId(endpointId)
                .setNoSessionContext(NoSessionContextRecord.newBuilder().setPayload(msg.toByteString()))
                .build().toByteArray();
        MqttMessage message = new MqttMessage(record);
        message.setQos(1);
        MqttProperties properties = new MqttProperties();
        properties.setContentType("usp.msg");
        properties.setResponseTopic(topic);
        message.setProperties(properties);
        try {
            // Not awaited: this may run on the client's own callback thread.
            client.publish(to, message);
        } catch (MqttException e) {
            violations.add("could not publish: " + e.getMessage());
        }
    }

    @Override
    public void close() throws MqttException {
        if (client != null) {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(5000);
            }
            client.close();
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        violations.add("MQTT error: " + exception.getMessage());
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
