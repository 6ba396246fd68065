package io.homeshield.routers.usp;

import java.util.List;
import java.util.UUID;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

import io.quarkus.logging.Log;

/**
 * The controller's MQTT 5 connection, as the USP MQTT binding wants it: the CONNECT carries the
 * endpoint id as user property {@code usp-endpoint-id}, every PUBLISH carries Content Type
 * {@code usp.msg} and the Response Topic the agent must answer on.
 */
final class UspMqttLink implements MqttCallback {

    static final String CONTENT_TYPE = "usp.msg";
    /** Several HomeShield instances share the notification topic; the broker gives each notification to one. */
    private static final String SHARE_GROUP = "$share/homeshield/";
    private static final int QOS = 1;
    /** How long a record waits for a free slot when the broker's receive maximum is reached. */
    private static final long INFLIGHT_WAIT_NANOS = 2_000_000_000L;

    private final UspConfig config;
    /** Gets what arrives on one of the controller's topics. */
    @FunctionalInterface
    interface Receiver {
        /**
         * @param topic the topic the record arrived on
         * @param responseTopic the PUBLISH's Response Topic property: where the sender listens (null when absent)
         */
        void received(String topic, String responseTopic, byte[] record);
    }

    private final Receiver receiver;
    private final Runnable connectionLost;
    private final String clientId = "homeshield-" + UUID.randomUUID().toString().substring(0, 13);
    private final String replyTopic;
    private MqttAsyncClient client;

    /**
     * @param receiver gets every USP Record that arrives, on the MQTT client's thread
     * @param connectionLost told when the broker connection drops, so waiting requests can give up at once
     */
    UspMqttLink(UspConfig config, Receiver receiver, Runnable connectionLost) {
        this.config = config;
        this.receiver = receiver;
        this.connectionLost = connectionLost;
        this.replyTopic = config.controllerTopic() + "/reply/" + clientId;
    }

    /** The topic this instance receives agents' answers on; sent as each request's Response Topic. */
    String replyTopic() {
        return replyTopic;
    }

    boolean isConnected() {
        MqttAsyncClient current = client;
        return current != null && current.isConnected();
    }

    /** Connects and subscribes, unless already connected; waits at most the connect timeout. */
    synchronized void connect() throws MqttException {
        if (isConnected()) {
            return;
        }
        if (client == null) {
            client = new MqttAsyncClient(config.brokerUrl(), clientId, new MemoryPersistence());
            client.setCallback(this);
        }
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 30);
        if (config.brokerUrl().startsWith("tcp:")) {
            options.setSocketFactory(new NoDelaySockets());
        }
        options.setConnectionTimeout((int) Math.max(1, config.connectTimeout().toSeconds()));
        options.setUserProperties(List.of(new UserProperty("usp-endpoint-id", config.controllerEndpointId())));
        config.signIn(options);
        client.connect(options).waitForCompletion(config.connectTimeout().toMillis());
        subscribe().waitForCompletion(config.connectTimeout().toMillis());
        Log.infof("USP controller %s connected to %s", config.controllerEndpointId(), config.brokerUrl());
    }

    private IMqttToken subscribe() throws MqttException {
        return client.subscribe(new MqttSubscription[] {
                new MqttSubscription(replyTopic, QOS),
                new MqttSubscription(SHARE_GROUP + config.controllerTopic() + "/+", QOS),
                // Records on the bare topic name no sender the broker checked; they arrive only to be counted and
                // dropped.
                new MqttSubscription(SHARE_GROUP + config.controllerTopic(), QOS) });
    }

    /**
     * Hands a USP Record to the client for {@code topic} (QoS 1) without waiting for the broker's
     * PUBACK: the caller waits for the agent's answer anyway, which cannot come before the broker
     * has the request, and a lost request ends in the same "did not answer" as a silent agent.
     */
    void publish(String topic, byte[] record) throws MqttException {
        MqttMessage message = new MqttMessage(record);
        message.setQos(QOS);
        MqttProperties properties = new MqttProperties();
        properties.setContentType(CONTENT_TYPE);
        properties.setResponseTopic(replyTopic);
        message.setProperties(properties);
        long deadline = System.nanoTime() + INFLIGHT_WAIT_NANOS;
        while (true) {
            try {
                client.publish(topic, message);
                return;
            } catch (MqttException e) {
                // the broker's receive maximum is reached (a flood of notifications to acknowledge): wait for a
                // PUBACK to free a slot instead of losing the record
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                pauseForASlot();
            }
        }
    }

    private static void pauseForASlot() throws MqttException {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttException(MqttClientException.REASON_CODE_MAX_INFLIGHT);
        }
    }

    synchronized void close() {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(config.connectTimeout().toMillis());
            }
            client.close();
        } catch (MqttException e) {
            Log.debugf("Closing the USP controller's MQTT connection: %s", e.getMessage());
        }
        client = null;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        MqttProperties properties = message.getProperties();
        receiver.received(topic, properties == null ? null : properties.getResponseTopic(), message.getPayload());
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        if (reconnect) {
            // A clean-start session forgets its subscriptions, so a reconnected client subscribes again
            // (without waiting: this runs on the client's callback thread, which completes the token).
            try {
                subscribe();
                Log.infof("USP controller reconnected to %s", serverUri);
            } catch (MqttException e) {
                Log.warnf("USP controller reconnected to %s but could not subscribe: %s", serverUri, e.getMessage());
            }
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        Log.warnf("USP controller lost its broker connection: %s",
                response.getException() != null ? response.getException().getMessage() : response.getReasonString());
        connectionLost.run();
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        Log.warnf("USP controller MQTT error: %s", exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // Requests are settled by the agent's answer (or its absence), not by the broker's PUBACK.
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // No enhanced authentication: the broker authenticates with user name and password or TLS.
    }
}
