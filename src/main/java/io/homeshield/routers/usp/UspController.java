package io.homeshield.routers.usp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.paho.mqttv5.common.MqttException;

import com.google.protobuf.InvalidProtocolBufferException;

import io.homeshield.enforcement.RouterControlException;
import io.homeshield.routers.usp.proto.UspMsgProto.Body;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.routers.usp.proto.UspMsgProto.Notify;
import io.homeshield.routers.usp.proto.UspMsgProto.Response;
import io.homeshield.routers.usp.proto.UspRecordProto.NoSessionContextRecord;
import io.homeshield.routers.usp.proto.UspRecordProto.Record;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * HomeShield as a USP Controller: sends each request to an agent as a USP Record without session
 * context, matches the answer by msg_id within the request timeout, and takes in the agents'
 * notifications, acknowledging them once they are stored.
 */
@ApplicationScoped
class UspController {

    static final String USP_VERSION = "1.4";
    static final String BOOT_EVENT = "Boot!";
    static final String NO_ANSWER = "The router did not answer in time.";
    static final String CONNECTION_LOST = "The connection to the router was interrupted before it answered.";
    static final String BROKER_UNREACHABLE = "HomeShield cannot reach the provider's router management service right now.";

    private final UspConfig config;
    private final AgentNotifications notifications;
    private final UspMqttLink link;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    /** Storing a notification touches the database; it must not hold up the MQTT thread that delivers answers. */
    private final ExecutorService notificationWorker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "usp-notifications");
        thread.setDaemon(true);
        return thread;
    });

    private record Waiting(String agentEndpointId, CompletableFuture<Msg> answer) {
    }

    /** The broker connection dropped while a request waited for its answer. */
    private static final class ConnectionLost extends Exception {
        ConnectionLost() {
            super(null, null, false, false);
        }
    }

    UspController(UspConfig config, AgentNotifications notifications) {
        this.config = config;
        this.notifications = notifications;
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

    String agentTopic(String agentEndpointId) {
        return config.agentTopic().replace("{endpointId}", agentEndpointId);
    }

    private byte[] record(String agentEndpointId, Msg msg) {
        return Record.newBuilder()
                .setVersion(USP_VERSION)
                .setToId(agentEndpointId)
                .setFromId(config.controllerEndpointId())
                .setPayloadSecurity(Record.PayloadSecurity.PLAINTEXT)
                .setNoSessionContext(NoSessionContextRecord.newBuilder().setPayload(msg.toByteString()))
                .build().toByteArray();
    }

    private void received(byte[] payload) {
        Record record;
        Msg msg;
        try {
            record = Record.parseFrom(payload);
            if (!config.controllerEndpointId().equals(record.getToId())
                    || record.getRecordTypeCase() != Record.RecordTypeCase.NO_SESSION_CONTEXT) {
                Log.debugf("USP record from %s ignored: to %s, type %s", record.getFromId(), record.getToId(),
                        record.getRecordTypeCase());
                return;
            }
            msg = Msg.parseFrom(record.getNoSessionContext().getPayload());
        } catch (InvalidProtocolBufferException e) {
            Log.warnf("Unreadable USP record on the controller topic: %s", e.getMessage());
            return;
        }
        String from = record.getFromId();
        if (msg.getBody().getMsgBodyCase() == Body.MsgBodyCase.REQUEST) {
            if (msg.getBody().getRequest().hasNotify()) {
                notificationWorker.execute(() -> takeNotification(from, msg));
            } else {
                Log.debugf("USP request %s from %s not served by the controller",
                        msg.getBody().getRequest().getReqTypeCase(), from);
            }
            return;
        }
        Waiting request = waiting.get(msg.getHeader().getMsgId());
        if (request != null && request.agentEndpointId().equals(from)) {
            request.answer().complete(msg);
        } else {
            Log.debugf("USP answer %s from %s matches no waiting request", msg.getHeader().getMsgId(), from);
        }
    }

    private void takeNotification(String agentEndpointId, Msg msg) {
        Notify notify = msg.getBody().getRequest().getNotify();
        try {
            if (notify.hasValueChange()) {
                notifications.valueChanged(agentEndpointId, notify.getValueChange().getParamPath(),
                        notify.getValueChange().getParamValue());
            } else if (notify.hasOnBoardReq() || notify.hasEvent() && BOOT_EVENT.equals(notify.getEvent().getEventName())) {
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
                        record(agentEndpointId, UspMessages.notifyResp(msg.getHeader().getMsgId(), notify.getSubscriptionId())));
            } catch (MqttException e) {
                Log.warnf("Could not acknowledge a notification of USP agent %s: %s", agentEndpointId, e.getMessage());
            }
        }
    }

    private void failWaitingRequests() {
        waiting.values().forEach(request -> request.answer().completeExceptionally(new ConnectionLost()));
    }
}
