package io.homeshield.telemetry.mqtt;

import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolationException;

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.homeshield.alert.EvidenceSource;
import io.homeshield.infra.problem.Problem;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.infra.problem.Problems;
import io.homeshield.telemetry.BatchReader;
import io.homeshield.telemetry.RouterIngestLimits;
import io.homeshield.telemetry.TelemetryPipeline;
import io.homeshield.wire.TelemetryBatch;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Receives telemetry batches that routers publish to the provider's MQTT broker. A batch is
 * acknowledged (PUBACK) only once it is applied or refused for good: when the pipeline is full it
 * stays unacknowledged and is tried again later, and the broker stops sending once
 * {@code receive-maximum} batches await our acknowledgement. A refused batch's problem is published
 * to {@code <prefix>/<router id>/problems} for the router to read; so is a 429 for a router over its
 * events per minute. A batch that cannot be applied becomes a dead letter in the pipeline and is acknowledged,
 * so it never holds up the batches behind it.
 */
@ApplicationScoped
class MqttIngest implements MqttCallback {

    private final MqttIngestConfig config;
    private final BatchReader reader;
    private final TelemetryPipeline pipeline;
    private final MqttProblems problems;
    private final RouterIngestLimits limits;
    private MqttClient client;
    private ExecutorService workers;
    private ScheduledExecutorService retries;

    MqttIngest(MqttIngestConfig config, BatchReader reader, TelemetryPipeline pipeline, MqttProblems problems,
            RouterIngestLimits limits) {
        this.config = config;
        this.reader = reader;
        this.pipeline = pipeline;
        this.problems = problems;
        this.limits = limits;
    }

    void start(@Observes StartupEvent started) throws MqttException {
        if (!config.enabled()) {
            return;
        }
        workers = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        retries = Executors.newSingleThreadScheduledExecutor();
        client = new MqttClient(config.brokerUrl(), config.clientId(), new MemoryPersistence());
        client.setCallback(this);
        client.setManualAcks(true);
        client.connect(options());
        Log.infof("Telemetry over MQTT: subscribed to %s on %s", filter(), config.brokerUrl());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (client == null) {
            return;
        }
        try {
            client.disconnect();
            client.close();
        } catch (MqttException e) {
            Log.debug("MQTT ingest did not disconnect cleanly", e);
        }
        workers.shutdown();
        retries.shutdownNow();
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(config.sessionExpiry().toSeconds());
        options.setReceiveMaximum(config.receiveMaximum());
        options.setAutomaticReconnect(true);
        config.signIn(options);
        return options;
    }

    String filter() {
        String topics = config.topicPrefix() + "/+/batches";
        return config.shareGroup().map(group -> "$share/" + group + "/" + topics).orElse(topics);
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        try {
            client.subscribe(filter(), 1);
        } catch (MqttException e) {
            Log.errorf(e, "Could not subscribe to %s", filter());
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        workers.execute(() -> handle(topic, message));
    }

    private void handle(String topic, MqttMessage message) {
        UUID routerId = routerOf(topic);
        try {
            if (routerId == null) {
                Log.warnf("Ignoring a message on %s: no router id in the topic", topic);
                acknowledge(message);
                return;
            }
            TelemetryBatch batch = reader.read(message.getPayload(), false);
            // A router over its events per minute is refused (429 on its problems topic), not held:
            // held messages would fill the window the broker keeps for every router. Its batches
            // at once are bounded by the workers here.
            limits.charge(routerId, batch.events() == null ? 0 : batch.events().size());
            // acknowledged once stored; no worker waits for that meanwhile
            pipeline.acceptAsync(routerId, batch, EvidenceSource.ROUTER).whenComplete((outcome, e) -> {
                if (e == null) {
                    acknowledge(message);
                } else {
                    failed(topic, routerId, message, e instanceof CompletionException && e.getCause() != null
                            ? e.getCause() : e);
                }
            });
        } catch (Exception e) {
            failed(topic, routerId, message, e);
        }
    }

    private void failed(String topic, UUID routerId, MqttMessage message, Throwable e) {
        if (e instanceof ProblemException p) {
            if (p.problem().status() == ProblemType.UNAVAILABLE.status()) {
                retries.schedule(() -> workers.execute(() -> handle(topic, message)), 1, TimeUnit.SECONDS);
                return;
            }
            refuse(routerId, message, p.problem());
        } else if (e instanceof ConstraintViolationException c) {
            refuse(routerId, message, Problems.of(c));
        } else if (e instanceof JsonProcessingException j) {
            refuse(routerId, message, Problems.of(j));
        } else {
            Log.errorf(e, "Batch from router %s on MQTT failed; it stays unacknowledged and is tried again", routerId);
            retries.schedule(() -> workers.execute(() -> handle(topic, message)), 5, TimeUnit.SECONDS);
        }
    }

    private void refuse(UUID routerId, MqttMessage message, Problem problem) {
        problems.publish(client, config.topicPrefix() + "/" + routerId + "/problems", problem);
        acknowledge(message);
    }

    private void acknowledge(MqttMessage message) {
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            Log.warnf("Could not acknowledge MQTT message %d; the broker will send it again", message.getId());
        }
    }

    private UUID routerOf(String topic) {
        String prefix = config.topicPrefix() + "/";
        if (!topic.startsWith(prefix) || !topic.endsWith("/batches")) {
            return null;
        }
        try {
            return UUID.fromString(topic.substring(prefix.length(), topic.length() - "/batches".length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        Log.warnf("MQTT ingest disconnected: %s; reconnecting", response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        Log.warn("MQTT ingest error", exception);
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }
}
