package io.homeshield.routers.usp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.paho.mqttv5.common.MqttException;

import com.google.protobuf.InvalidProtocolBufferException;

import io.homeshield.enforcement.RouterControlException;
import io.homeshield.routers.usp.AgentStore.AgentAddress;
import io.homeshield.routers.usp.proto.UspMsgProto.Body;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.routers.usp.proto.UspMsgProto.Notify;
import io.homeshield.routers.usp.proto.UspMsgProto.Response;
import io.homeshield.routers.usp.proto.UspRecordProto.NoSessionContextRecord;
import io.homeshield.routers.usp.proto.UspRecordProto.Record;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * HomeShield as a USP Controller: sends each request to an agent as a USP Record without session
 * context, on the topic the agent said it listens on and in the USP version it speaks, matches the
 * answer by msg_id within the request timeout, and takes in the agents' notifications, acknowledging
 * them once they are stored. A record is taken only from the agent the broker let write its topic
 * ({@code <controllerTopic>/<endpointId>}); anything else is dropped and counted.
 */
@ApplicationScoped
class UspController {

    /** The version of records to an agent that has not said which it speaks. */
    static final String USP_VERSION = "1.4";
    static final String BOOT_EVENT = "Boot!";
    static final String NO_ANSWER = "The router did not answer in time.";
    static final String CONNECTION_LOST = "The connection to the router was interrupted before it answered.";
    static final String BROKER_UNREACHABLE = "HomeShield cannot reach the provider's router management service right "
            + "now.";

    private static final Pattern VERSION = Pattern.compile("1\\.\\d{1,2}");
    private static final int MAX_TOPIC = 255;

    private final UspConfig config;
    private final AgentNotifications notifications;
    private final AgentStore store;
    private final UspRecordsDropped dropped;
    private final UspMqttLink link;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    /** Where each agent listens and the version it speaks, as far as known; an empty address when nothing is. */
    private final Map<String, AgentAddress> addresses = new ConcurrentHashMap<>();
    /**
     * Storing a notification touches the database; it must not hold up the MQTT thread that delivers
     * answers. The queue is bounded: one flooding agent cannot make the controller run out of memory.
     */
    private final ThreadPoolExecutor notificationWorker;

    private record Waiting(String agentEndpointId, CompletableFuture<Msg> answer) {
    }

    /** The broker connection dropped while a request waited for its answer. */
    private static final class ConnectionLost extends Exception {
        ConnectionLost() {
            super(null, null, false, false);
        }
    }

    UspController(UspConfig config, AgentNotifications notifications, AgentStore store, MeterRegistry registry) {
        this.config = config;
        this.notifications = notifications;
        this.store = store;
        this.dropped = new UspRecordsDropped(registry);
        this.notificationWorker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.notificationQueue())), task -> {
                    Thread thread = new Thread(task, "usp-notifications");
                    thread.setDaemon(true);
                    return thread;
                });
        this.link = new UspMqttLink(config, this::received, this::failWaitingRequests);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            keepConnected();
        }
    }

    /** Connects again if the first attempt failed; once connected, the MQTT client reconnects by itself. */
    @Scheduled(every = "15s", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepConnected() {
        if (!config.enabled() || link.isConnected()) {
            return;
        }
        try {
            link.connect();
        } catch (MqttException e) {
            Log.warnf("USP controller cannot connect to %s: %s", config.brokerUrl(), e.getMessage());
        }
    }

    /** Connects now, or says why it cannot. */
    void connect() throws RouterControlException {
        if (link.isConnected()) {
            return;
        }
        try {
            link.connect();
        } catch (MqttException e) {
            throw new RouterControlException(BROKER_UNREACHABLE, true, e);
        }
    }

    @PreDestroy
    void stop() {
        notificationWorker.shutdownNow();
        link.close();
    }

    /**
     * Sends a request to the agent and waits for its answer.
     *
     * @throws UspRequestRefused when the agent answers with a USP Error
     * @throws RouterControlException (retryable) when no answer came in time or the broker is out of reach
     */
    Response call(String agentEndpointId, Msg request) throws RouterControlException {
        connect();
        String msgId = request.getHeader().getMsgId();
        CompletableFuture<Msg> answer = new CompletableFuture<>();
        waiting.put(msgId, new Waiting(agentEndpointId, answer));
        try {
            link.publish(agentTopic(agentEndpointId), record(agentEndpointId, request));
            Msg reply = answer.get(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return UspResults.responseTo(request, reply);
        } catch (TimeoutException e) {
            // Another instance may have heard the agent name a new topic (shared subscriptions): read it again next
            // time.
            addresses.remove(agentEndpointId);
            throw new RouterControlException(NO_ANSWER, true);
        } catch (ExecutionException e) {
            throw new RouterControlException(CONNECTION_LOST, true);
        } catch (MqttException e) {
            throw new RouterControlException(BROKER_UNREACHABLE, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RouterControlException(NO_ANSWER, true);
        } finally {
            waiting.remove(msgId);
        }
    }

    /** Where the agent listens: what it said itself, else the configured template. */
    String agentTopic(String agentEndpointId) {
        String topic = address(agentEndpointId).topic();
        return topic != null ? topic : config.agentTopic().replace("{endpointId}", agentEndpointId);
    }

    /** The USP version of records to the agent: the one it speaks, once known. */
    String recordVersion(String agentEndpointId) {
        String version = address(agentEndpointId).version();
        return version != null ? version : USP_VERSION;
    }

    private AgentAddress address(String agentEndpointId) {
        return addresses.computeIfAbsent(agentEndpointId,
                id -> storedAddress(id).orElse(new AgentAddress(null, null)));
    }

    private Optional<AgentAddress> storedAddress(String agentEndpointId) {
        try {
            return store.address(agentEndpointId);
        } catch (RuntimeException e) {
            Log.debugf("Address of USP agent %s not read: %s", agentEndpointId, e.getMessage());
            return Optional.empty();
        }
    }

    private byte[] record(String agentEndpointId, Msg msg) {
        return Record.newBuilder()
                .setVersion(recordVersion(agentEndpointId))
                .setToId(agentEndpointId)
                .setFromId(config.controllerEndpointId())
                .setPayloadSecurity(Record.PayloadSecurity.PLAINTEXT)
                .setNoSessionContext(NoSessionContextRecord.newBuilder().setPayload(msg.toByteString()))
                .build().toByteArray();
    }

    private void received(String topic, String responseTopic, byte[] payload) {
        if (payload.length > config.maxRecordBytes()) {
            drop(UspRecordsDropped.OVERSIZED, topic, "of " + payload.length + " bytes");
            return;
        }
        Record record;
        try {
            record = Record.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            drop(UspRecordsDropped.UNREADABLE, topic, e.getMessage());
            return;
        }
        if (!config.controllerEndpointId().equals(record.getToId())) {
            drop(UspRecordsDropped.NOT_ADDRESSED, topic, "to " + record.getToId());
            return;
        }
        String from = record.getFromId();
        if (topic.equals(link.replyTopic())) {
            answerArrived(record, from, responseTopic);
            return;
        }
        String sender = senderOf(topic);
        if (sender == null) {
            drop(UspRecordsDropped.UNCHECKED_SENDER, topic, "from " + from);
            return;
        }
        if (!sender.equals(from)) {
            Log.warnf("USP record claiming to be from %s arrived on the topic of %s: dropped", from, sender);
            dropped.count(UspRecordsDropped.SPOOFED_SENDER);
            return;
        }
        learn(from, responseTopic, record.getVersion());
        switch (record.getRecordTypeCase()) {
            case MQTT_CONNECT -> {
                learn(from, record.getMqttConnect().getSubscribedTopic(), record.getVersion());
                enqueue(from, () -> notifications.agentConnected(from));
            }
            case NO_SESSION_CONTEXT -> requestArrived(record, from);
            default -> Log.debugf("USP %s record from %s not used", record.getRecordTypeCase(), from);
        }
    }

    /** The endpoint id in {@code <controllerTopic>/<endpointId>}, or null for any other topic. */
    private String senderOf(String topic) {
        String prefix = config.controllerTopic() + "/";
        if (!topic.startsWith(prefix) || topic.length() == prefix.length()) {
            return null;
        }
        String endpointId = topic.substring(prefix.length());
        return endpointId.indexOf('/') >= 0 ? null : endpointId;
    }

    private void requestArrived(Record record, String from) {
        Msg msg = message(record);
        if (msg == null) {
            return;
        }
        if (msg.getBody().getMsgBodyCase() == Body.MsgBodyCase.REQUEST && msg.getBody().getRequest().hasNotify()) {
            enqueue(from, () -> takeNotification(from, msg));
        } else {
            Log.debugf("USP message %s from %s not served by the controller", msg.getHeader().getMsgType(), from);
        }
    }

    private void answerArrived(Record record, String from, String responseTopic) {
        Msg msg = record.getRecordTypeCase() == Record.RecordTypeCase.NO_SESSION_CONTEXT ? message(record) : null;
        if (msg == null) {
            return;
        }
        Waiting request = waiting.get(msg.getHeader().getMsgId());
        if (request != null && request.agentEndpointId().equals(from)) {
            learn(from, responseTopic, record.getVersion());
            request.answer().complete(msg);
        } else {
            Log.debugf("USP answer %s from %s matches no waiting request", msg.getHeader().getMsgId(), from);
        }
    }

    private Msg message(Record record) {
        try {
            return Msg.parseFrom(record.getNoSessionContext().getPayload());
        } catch (InvalidProtocolBufferException e) {
            drop(UspRecordsDropped.UNREADABLE, "", e.getMessage());
            return null;
        }
    }

    /** Notes where a checked sender listens and which version it speaks; kept for the next restart too. */
    private void learn(String agentEndpointId, String topic, String version) {
        // Not through the store: this runs on the MQTT client's thread, which must not wait for the database.
        AgentAddress known = addresses.getOrDefault(agentEndpointId, new AgentAddress(null, null));
        String newTopic = usableTopic(topic) ? topic : known.topic();
        String newVersion = version != null && VERSION.matcher(version).matches() ? version : known.version();
        AgentAddress learned = new AgentAddress(newTopic, newVersion);
        if (learned.equals(known)) {
            return;
        }
        addresses.put(agentEndpointId, learned);
        if (learned.topic() != null) {
            try {
                notificationWorker.execute(() -> remember(agentEndpointId, learned));
            } catch (RejectedExecutionException e) {
                Log.debugf("Address of USP agent %s kept in memory only for now", agentEndpointId);
            }
        }
    }

    private void remember(String agentEndpointId, AgentAddress address) {
        try {
            store.rememberAddress(agentEndpointId, address);
        } catch (RuntimeException e) {
            Log.infof("Address of USP agent %s not stored (kept in memory): %s", agentEndpointId, e.getMessage());
        }
    }

    private static boolean usableTopic(String topic) {
        return topic != null && !topic.isBlank() && topic.length() <= MAX_TOPIC && topic.indexOf('+') < 0
                && topic.indexOf('#') < 0 && topic.indexOf('\0') < 0;
    }

    private void enqueue(String from, Runnable work) {
        try {
            notificationWorker.execute(work);
        } catch (RejectedExecutionException e) {
            // Not acknowledged: an agent whose subscription has NotifRetry sends it again later.
            drop(UspRecordsDropped.QUEUE_FULL, "", "from " + from);
        }
    }

    private void drop(String reason, String topic, String detail) {
        Log.debugf("USP record on %s dropped (%s): %s", topic, reason, detail);
        dropped.count(reason);
    }

    private void takeNotification(String agentEndpointId, Msg msg) {
        Notify notify = msg.getBody().getRequest().getNotify();
        try {
            if (notify.hasValueChange()) {
                notifications.valueChanged(agentEndpointId, notify.getValueChange().getParamPath(),
                        notify.getValueChange().getParamValue());
            } else if (notify.hasOnBoardReq() || notify.hasEvent()
                    && BOOT_EVENT.equals(notify.getEvent().getEventName())) {
                notifications.agentStarted(agentEndpointId);
            } else {
                Log.debugf("USP %s notification from %s not used", notify.getNotificationCase(), agentEndpointId);
            }
        } catch (RuntimeException e) {
            Log.warnf(e, "Notification from USP agent %s not stored; the agent will send it again", agentEndpointId);
            return;
        }
        if (notify.getSendResp()) {
            try {
                link.publish(agentTopic(agentEndpointId),
                        record(agentEndpointId, UspMessages.notifyResp(msg.getHeader().getMsgId(),
                                notify.getSubscriptionId())));
            } catch (MqttException e) {
                Log.warnf("Could not acknowledge a notification of USP agent %s: %s", agentEndpointId, e.getMessage());
            }
        }
    }

    private void failWaitingRequests() {
        waiting.values().forEach(request -> request.answer().completeExceptionally(new ConnectionLost()));
    }
}
