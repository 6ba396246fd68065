package io.homeshield.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.alert.Alert;
import io.homeshield.inventory.Device;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Routers publishing to the real Mosquitto, as they would to the provider's broker. */
@QuarkusTest
class MqttIngestTest {

    private final ObjectMapper json = new ObjectMapper();
    private MqttClient router;

    @BeforeEach
    void connect() throws Exception {
        router = new MqttClient("tcp://127.0.0.1:1883", "test-router-" + UUID.randomUUID(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        router.connect(options);
    }

    @AfterEach
    void disconnect() throws Exception {
        router.disconnect();
        router.close();
    }

    @Test
    void aBatchPublishedByARouterUpdatesTheInventoryAndRaisesItsAlert() throws Exception {
        TestHousehold home = Fixtures.household("mqtt-router");
        String camera = Fixtures.randomMac().value();
        publish(home.routerId(), Batches.of(home.routerId(), 1).host(camera, "192.168.1.40", "IPCAM-MQTT", true)
                .dns(camera, "zidomasones.com").build());

        await().atMost(Duration.ofSeconds(15)).until(() -> alerts(home) == 1);
        Device device = QuarkusTransaction.requiringNew().call(() -> Device.<Device>find("routerId = ?1 and mac = ?2",
                home.routerId(), camera).singleResult());
        assertEquals("IPCAM-MQTT", device.hostname);

        publish(home.routerId(), Batches.of(home.routerId(), 1).dns(camera, "zidomasones.com").build());
        publish(home.routerId(), Batches.of(home.routerId(), 2).dns(camera, "zidomasones.com").build());
        await().atMost(Duration.ofSeconds(15)).until(() -> receipts(home) == 2);
        await("the resent batch 1 not applied twice").during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> occurrences(home) == 2L);
    }

    private static long occurrences(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>find("routerId", home.routerId())
                .singleResult().occurrences);
    }

    @Test
    void anInvalidBatchIsRefusedOnTheRoutersProblemTopicAndStoresNothing() throws Exception {
        TestHousehold home = Fixtures.household("mqtt-invalid");
        BlockingQueue<String> problems = new LinkedBlockingQueue<>();
        subscribe("homeshield/telemetry/" + home.routerId() + "/problems", problems);

        publish(home.routerId(), Batches.of(home.routerId(), 1).host("not-a-mac", "10.0.0.9", "x", true).build());

        String problem = problems.poll(15, TimeUnit.SECONDS);
        assertTrue(problem != null && problem.contains("events[0].mac"), String.valueOf(problem));
        assertTrue(problem.contains("not a MAC address"), problem);
        assertEquals(0L, receipts(home));
    }

    @Test
    void aBatchForAnotherRouterOnARoutersTopicIsRefused() throws Exception {
        TestHousehold mine = Fixtures.household("mqtt-mine");
        TestHousehold other = Fixtures.household("mqtt-other");
        BlockingQueue<String> problems = new LinkedBlockingQueue<>();
        subscribe("homeshield/telemetry/" + mine.routerId() + "/problems", problems);

        publish(mine.routerId(), Batches.of(other.routerId(), 1)
                .host(Fixtures.randomMac().value(), "10.0.0.9", "x", true).build());

        String problem = problems.poll(15, TimeUnit.SECONDS);
        assertTrue(problem != null && problem.contains("routerId"), String.valueOf(problem));
        assertEquals(0L, receipts(other));
    }

    private void subscribe(String topic, BlockingQueue<String> into) throws Exception {
        // Paho's subscribe(String, int, listener) recurses into itself; the array form works.
        router.subscribe(new MqttSubscription[] { new MqttSubscription(topic, 1) },
                new IMqttMessageListener[] { (t, message) -> into.add(new String(message.getPayload())) });
    }

    private void publish(UUID routerId, Map<String, Object> batch) throws Exception {
        MqttMessage message = new MqttMessage(json.writeValueAsBytes(batch));
        message.setQos(1);
        router.publish("homeshield/telemetry/" + routerId + "/batches", message);
    }

    private static long alerts(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.count("routerId", home.routerId()));
    }

    private static long receipts(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> TelemetryReceipt.count("routerId", home.routerId()));
    }
}
