package io.homeshield.routers.usp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
import io.homeshield.routers.usp.proto.UspRecordProto.MQTTConnectRecord;
import io.homeshield.routers.usp.proto.UspRecordProto.NoSessionContextRecord;
import io.homeshield.routers.usp.proto.UspRecordProto.Record;

/**
 * A router's USP agent on the real broker, answering as the reference agent (obuspa v11) does:
 * it connects with its endpoint id as user property and sends an MQTTConnect record naming the
 * topic it listens on every time it connects; it answers each request on the request's Response
 * Topic with records of version 1.3 (and takes 1.3 or 1.4 from the controller); it publishes to
 * {@code <controllerTopic>/<its endpoint id>}, the topic the broker's ACL lets it write. It polls
 * its data model for ValueChange subscriptions (late, as obuspa polls), asks for a response only
 * for subscriptions with {@code NotifRetry} true and repeats those until acknowledged, sends
 * {@code Boot!} only to subscribed controllers, and forgets subscriptions and access-control rows
 * on a factory reset. Anything a real agent would reject (wrong content type, no Response Topic, a
 * Record not addressed to it) is kept in {@link #violations()} and left unanswered.
 */
final class UspTestAgent implements MqttCallback, AutoCloseable {

    /** The record version obuspa stamps. */
    static final String AGENT_VERSION = "1.3";
    private static final List<String> VERSIONS_TAKEN = List.of("1.3", "1.4");

    private final String brokerUrl;
    private final String endpointId;
    private final String controllerEndpointId;
    private final String controllerTopic;
    private final AgentDataModel model = new AgentDataModel();
    private final List<Msg> requests = new CopyOnWriteArrayList<>();
    private final List<Record> records = new CopyOnWriteArrayList<>();
    private final List<Msg> notifyResponses = new CopyOnWriteArrayList<>();
    private final List<Msg> notificationsSent = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger notifications = new AtomicInteger();
    private final AtomicInteger connects = new AtomicInteger();
    private final List<Integer> uploadStatuses = new CopyOnWriteArrayList<>();
    // curl speaks HTTP/1.1 to an http:// URL, without offering an upgrade
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** The value of each watched parameter at the last poll, by subscription ID and path. */
    private final Map<String, String> polled = new ConcurrentHashMap<>();
    /** Notifications sent with send_resp and not acknowledged yet, by msg_id, with when they were last sent. */
    private final Map<String, Pending> unacknowledged = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "usp-test-agent-poll");
        thread.setDaemon(true);
        return thread;
    });
    private String topic;
    private Duration pollInterval = Duration.ofMillis(300);
    private final Object dataModelLock = new Object();
    private Duration retryInterval = Duration.ofSeconds(1);
    private volatile boolean silent;
    private volatile Integer refusal;
    private volatile MqttAsyncClient client;

    private record Pending(Msg msg, long sentAtNanos) {
    }

    UspTestAgent(String brokerUrl, String endpointId, String topic, String controllerEndpointId,
            String controllerTopic) {
        this.brokerUrl = brokerUrl;
        this.endpointId = endpointId;
        this.topic = topic;
        this.controllerEndpointId = controllerEndpointId;
        this.controllerTopic = controllerTopic;
    }

    /**
     * Listens on a topic of its own choosing (obuspa's example: {@code /usp/agent}) instead of the provider's template.
     */
    UspTestAgent listeningOn(String ownTopic) {
        this.topic = ownTopic;
        return this;
    }

    /** How often the agent compares watched parameters (obuspa: every 15 s); short in tests, but never immediate. */
    UspTestAgent pollingEvery(Duration interval) {
        this.pollInterval = interval;
        return this;
    }

    /**
     * The router's owner allowed the device by hand before HomeShield came: an entry {@code cpe-1}
     * with policy Allow, the MAC address in lower case as routers often write it.
     */
    UspTestAgent withOwnersAllowEntryFor(String mac) {
        model.put(AgentDataModel.ACCESS_CONTROL, Map.of("Alias", "cpe-1", "PhysAddress", mac.toLowerCase(Locale.ROOT),
                "HostName", "owner-allowed", "Enable", "true", "AccessPolicy", "Allow"));
        return this;
    }

    /** How long the agent waits for a NotifyResp before sending a NotifRetry notification again. */
    UspTestAgent retryingAfter(Duration interval) {
        this.retryInterval = interval;
        return this;
    }

    UspTestAgent start() throws MqttException {
        connectToBroker();
        poller.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    private synchronized void connectToBroker() throws MqttException {
        client = new MqttAsyncClient(brokerUrl, "agent-" + UUID.randomUUID(), new MemoryPersistence());
        client.setCallback(this);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setSocketFactory(new NoDelaySockets());
        options.setUserProperties(List.of(new UserProperty("usp-endpoint-id", endpointId)));
        client.connect(options).waitForCompletion(5000);
        client.subscribe(topic, 1).waitForCompletion(5000);
        connects.incrementAndGet();
        publishRecord(notificationTopic(),
                baseRecord(controllerEndpointId).setMqttConnect(MQTTConnectRecord.newBuilder()
                .setVersion(MQTTConnectRecord.MQTTVersion.V5).setSubscribedTopic(topic)).build());
    }

    AgentDataModel model() {
        return model;
    }

    String endpointId() {
        return endpointId;
    }

    /** The topic the agent listens on. */
    String topic() {
        return topic;
    }

    /** Where the agent publishes to the controller: the topic the broker lets only it write. */
    String notificationTopic() {
        return controllerTopic + "/" + endpointId;
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

    /** Every Notify the agent sent, repeats included. */
    List<Msg> notificationsSent() {
        return List.copyOf(notificationsSent);
    }

    /** How many times the agent connected to the broker (each with an MQTTConnect record). */
    int connects() {
        return connects.get();
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

    /** Changes a parameter as the router's own UI would; subscriptions hear of it at the agent's next poll. */
    void change(String tablePath, int instance, String param, String value) {
        // Like obuspa's single data-model thread: a change never falls between a request's effect and its baseline.
        synchronized (dataModelLock) {
            model.change(tablePath, instance, param, value, (path, newValue) -> {
            });
        }
    }

    /** Restarts: reconnects (MQTTConnect) and sends {@code Boot!} to the controllers subscribed to it. */
    void reboot(String cause) throws MqttException {
        restart();
        for (Map<String, String> subscription : model.rows(AgentDataModel.SUBSCRIPTIONS).values()) {
            if ("true".equals(subscription.get("Enable")) && "Event".equals(subscription.get("NotifType"))
                    && List.of(subscription.getOrDefault("ReferenceList", "").split(",")).contains("Device.Boot!")) {
                notifyFor(subscription, Notify.newBuilder().setEvent(Notify.Event.newBuilder().setObjPath("Device.")
                        .setEventName("Boot!").putParams("Cause", cause).putParams("CommandKey", "")
                        .putParams("FirmwareUpdated", "false").putParams("ParameterMap", "{}")));
            }
        }
    }

    /** Resets to factory settings: no subscriptions, no access-control rows, then starts again (no Boot! to anyone). */
    void factoryReset() throws MqttException {
        model.factoryReset();
        polled.clear();
        unacknowledged.clear();
        restart();
    }

    private void restart() throws MqttException {
        disconnect();
        connectToBroker();
    }

    /** Introduces itself to the controller, as an agent does when operated to. */
    void onBoard() {
        Notify notify = Notify.newBuilder().setSubscriptionId("").setSendResp(true)
                .setOnBoardReq(Notify.OnBoardRequest.newBuilder().setOui("00256D").setProductClass("HS-Box")
                        .setSerialNumber(endpointId.substring(endpointId.lastIndexOf('-') + 1))
                        .setAgentSupportedProtocolVersions("1.3"))
                .build();
        publish(notificationTopic(), controllerEndpointId, notifyMsg(notify));
    }

    /**
     * One poll: ValueChange for every watched parameter whose value differs from the last poll; repeats of
     * unacknowledged ones.
     */
    private void poll() {
        synchronized (dataModelLock) {
            pollLocked();
        }
    }

    private void pollLocked() {
        try {
            for (Map<String, String> subscription : model.rows(AgentDataModel.SUBSCRIPTIONS).values()) {
                if (!"true".equals(subscription.get("Enable"))
                        || !"ValueChange".equals(subscription.get("NotifType"))) {
                    continue;
                }
                for (String reference : subscription.getOrDefault("ReferenceList", "").split(",")) {
                    if (reference.isBlank()) {
                        continue;
                    }
                    model.parametersUnder(reference.trim()).forEach((path, value) -> {
                        String previous = polled.put(subscription.get("ID") + " " + path, value);
                        if (previous != null && !previous.equals(value)) {
                            notifyFor(subscription, Notify.newBuilder().setValueChange(
                                    Notify.ValueChange.newBuilder().setParamPath(path).setParamValue(value)));
                        }
                    });
                }
            }
            long now = System.nanoTime();
            unacknowledged.replaceAll((msgId, pending) -> {
                if (now - pending.sentAtNanos() < retryInterval.toNanos()) {
                    return pending;
                }
                publish(notificationTopic(), controllerEndpointId, pending.msg());
                return new Pending(pending.msg(), now);
            });
        } catch (RuntimeException e) {
            violations.add("agent poll failed: " + e);
        }
    }

    /** Takes the values of newly watched parameters as the baseline, as obuspa does when a subscription is created. */
    private void baseline() {
        for (Map<String, String> subscription : model.rows(AgentDataModel.SUBSCRIPTIONS).values()) {
            if ("ValueChange".equals(subscription.get("NotifType"))) {
                for (String reference : subscription.getOrDefault("ReferenceList", "").split(",")) {
                    if (!reference.isBlank()) {
                        model.parametersUnder(reference.trim()).forEach(
                                (path, value) -> polled.putIfAbsent(subscription.get("ID") + " " + path, value));
                    }
                }
            }
        }
    }

    /** send_resp only for subscriptions with NotifRetry true; those are repeated until acknowledged. */
    private void notifyFor(Map<String, String> subscription, Notify.Builder notify) {
        boolean retry = "true".equals(subscription.get("NotifRetry")) || "1".equals(subscription.get("NotifRetry"));
        Msg msg = notifyMsg(notify.setSubscriptionId(subscription.get("ID")).setSendResp(retry).build());
        if (retry) {
            unacknowledged.put(msg.getHeader().getMsgId(), new Pending(msg, System.nanoTime()));
        }
        publish(notificationTopic(), controllerEndpointId, msg);
    }

    private Msg notifyMsg(Notify notify) {
        Msg msg = Msg.newBuilder()
                .setHeader(Header.newBuilder().setMsgId("notify-" + notifications.incrementAndGet())
                        .setMsgType(MsgType.NOTIFY))
                .setBody(Body.newBuilder().setRequest(Request.newBuilder().setNotify(notify))).build();
        return msg;
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
        if (!VERSIONS_TAKEN.contains(record.getVersion()) || !endpointId.equals(record.getToId())
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
            unacknowledged.remove(msg.getHeader().getMsgId());
            return;
        }
        requests.add(msg);
        if (silent) {
            return;
        }
        Integer code = refusal;
        Msg answer;
        synchronized (dataModelLock) {
            answer = code != null
                    ? AgentDataModel.error(msg.getHeader().getMsgId(), code, "", "Refused by the test router")
                    : model.answer(msg);
            baseline();
        }
        publish(responseTopic, record.getFromId(), answer);
        for (AgentDataModel.Upload upload : model.takeUploads()) {
            poller.execute(() -> carryOut(upload));
        }
        if (answer.getHeader().getMsgType() == MsgType.OPERATE_RESP) {
            String command = msg.getBody().getRequest().getOperate().getCommand();
            // Like obuspa: the OperateResp first, then the agent restarts.
            if (command.equals("Device.Reboot()")) {
                poller.schedule(() -> restartQuietly(false), 100, TimeUnit.MILLISECONDS);
            } else if (command.equals("Device.FactoryReset()")) {
                poller.schedule(() -> restartQuietly(true), 100, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Uploads a vendor log file as obuspa's vendor layer does ({@code curl --fail -T file URL}): HTTP
     * PUT of the raw file with no Content-Type, HTTP Basic only when a Username was given, a URL ending
     * in '/' completed with a file name of its own; an answer of 400 or above is a failed upload. Then
     * OperationComplete to the controllers subscribed to the command.
     */
    private void carryOut(AgentDataModel.Upload upload) {
        String url = upload.url();
        if (url.endsWith("/")) {
            url += System.currentTimeMillis() / 1000 + "-00256D-"
                    + endpointId.substring(endpointId.lastIndexOf('-') + 1)
                    + "-logfile_" + upload.fileName() + ".txt";
        }
        Notify.OperationComplete.Builder complete = Notify.OperationComplete.newBuilder()
                .setObjPath(upload.command().substring(0, upload.command().lastIndexOf('.') + 1))
                .setCommandName("Upload()").setCommandKey(upload.commandKey());
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("X-ubbf-oui", "00256D").header("X-ubbf-key", upload.commandKey())
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(upload.content()));
            if (!upload.username().isEmpty()) {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (upload.username() + ":" + upload.password()).getBytes(StandardCharsets.UTF_8)));
            }
            int status = HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            uploadStatuses.add(status);
            if (status >= 400) {
                complete.setCmdFailure(Notify.OperationComplete.CommandFailure.newBuilder().setErrCode(7022)
                        .setErrMsg("Upload failed: The requested URL returned error: " + status));
            } else {
                complete.setReqOutputArgs(Notify.OperationComplete.OutputArgs.getDefaultInstance());
            }
        } catch (IOException | IllegalArgumentException e) {
            uploadStatuses.add(-1);
            complete.setCmdFailure(Notify.OperationComplete.CommandFailure.newBuilder().setErrCode(7022)
                    .setErrMsg("Upload failed: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (Map<String, String> subscription : model.rows(AgentDataModel.SUBSCRIPTIONS).values()) {
            if ("true".equals(subscription.get("Enable")) && "OperationComplete".equals(subscription.get("NotifType"))
                    && List.of(subscription.getOrDefault("ReferenceList", "").split(",")).contains(upload.command())) {
                notifyFor(subscription, Notify.newBuilder().setOperComplete(complete));
            }
        }
    }

    /** The HTTP status of each upload the agent made (-1: no answer), in order. */
    List<Integer> uploadStatuses() {
        return List.copyOf(uploadStatuses);
    }

    private void restartQuietly(boolean factoryReset) {
        try {
            if (factoryReset) {
                factoryReset();
            } else {
                reboot("RemoteReboot");
            }
        } catch (MqttException e) {
            violations.add("could not restart: " + e.getMessage());
        }
    }

    private Record.Builder baseRecord(String toEndpoint) {
        return Record.newBuilder().setVersion(AGENT_VERSION).setToId(toEndpoint).setFromId(endpointId);
    }

    private void publish(String to, String toEndpoint, Msg msg) {
        if (msg.getHeader().getMsgType() == MsgType.NOTIFY) {
            notificationsSent.add(msg);
        }
        publishRecord(to, baseRecord(toEndpoint)
                .setNoSessionContext(NoSessionContextRecord.newBuilder().setPayload(msg.toByteString())).build());
    }

    private void publishRecord(String to, Record record) {
        MqttMessage message = new MqttMessage(record.toByteArray());
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

    private synchronized void disconnect() throws MqttException {
        MqttAsyncClient current = client;
        if (current != null) {
            if (current.isConnected()) {
                current.disconnect().waitForCompletion(5000);
            }
            current.close();
        }
    }

    @Override
    public void close() throws MqttException {
        poller.shutdownNow();
        disconnect();
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
