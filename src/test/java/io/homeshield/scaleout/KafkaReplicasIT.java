package io.homeshield.scaleout;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.testsupport.AppInstance;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.EmbeddedBroker;
import io.homeshield.testsupport.TestDatabase;

/**
 * Two replicas of the packaged application and a real Kafka broker: replica A only ingests (it
 * takes the router's batches from MQTT and has no detection consumer), replica B only detects.
 * What the router sent to A is detected by B, once, however often the router resends it.
 */
class KafkaReplicasIT {

    private static final String KNOWN_BAD = "zidomasones.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void telemetryIngestedByOneReplicaIsDetectedByAnother() throws Exception {
        try (EmbeddedBroker kafka = EmbeddedBroker.start()) {
            Map<String, String> stream = Map.of("homeshield.telemetry.kafka.enabled", "true",
                    "homeshield.telemetry.kafka.bootstrap-servers", kafka.bootstrapServers());
            Map<String, String> ingestOnly = new java.util.HashMap<>(stream);
            ingestOnly.put("homeshield.telemetry.kafka.consumers", "0");
            ingestOnly.put("homeshield.telemetry.mqtt.enabled", "true");
            ingestOnly.put("homeshield.telemetry.mqtt.share-group", "it-kafka-" + UUID.randomUUID());
            Map<String, String> detectOnly = new java.util.HashMap<>(stream);
            detectOnly.put("homeshield.telemetry.kafka.consumers", "2");
            detectOnly.put("homeshield.telemetry.mqtt.enabled", "false");
            try (AppInstance a = AppInstance.start("replica-a", ingestOnly);
                    AppInstance b = AppInstance.start("replica-b", detectOnly)) {
                a.awaitStarted(Duration.ofSeconds(120));
                b.awaitStarted(Duration.ofSeconds(120));
                try (Connection db = TestDatabase.connect()) {
                    UUID router = router(db);
                    String camera = "0E:44:55:66:77:88";
                    Map<String, Object> first = Batches.of(router, 1).host(camera, "192.168.1.40", "IPCAM", true)
                            .dns(camera, KNOWN_BAD).build();
                    publish(router, first);
                    publish(router, first);
                    publish(router, Batches.of(router, 2).dns(camera, KNOWN_BAD).build());

                    await().atMost(Duration.ofSeconds(60)).until(() -> count(db,
                            "select count(*) from telemetry_receipt where router_id = ?", router) == 2);
                    assertEquals(1, count(db, "select count(*) from alert where router_id = ?", router),
                            "one alert, detected by replica B");
                    assertEquals(2, count(db, "select occurrences from alert where router_id = ?", router),
                            "batches 1 and 2 counted, the resent batch 1 not again");
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(e.getMessage() + "\n--- replica-a\n" + tail(a) + "\n--- replica-b\n"
                            + tail(b), e);
                }
            }
        }
    }

    private static void publish(UUID router, Map<String, Object> batch) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:1883", "it-router-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
        try {
            MqttMessage message = new MqttMessage(JSON.writeValueAsBytes(batch));
            message.setQos(1);
            client.publish("homeshield/telemetry/" + router + "/batches", message);
        } finally {
            client.disconnect();
            client.close();
        }
    }

    /** A household with one router, as registration leaves it. */
    private static UUID router(Connection db) throws SQLException {
        UUID household = UUID.randomUUID();
        UUID router = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        String suffix = household.toString().substring(0, 8).toUpperCase(Locale.ROOT);
        try (PreparedStatement h = db.prepareStatement(
                "insert into household (id, account_number, display_name, kind, created_at) values (?, ?, ?, 'HOME', "
                        + "?)");
                PreparedStatement r = db.prepareStatement("insert into router (id, household_id, serial_number, model, "
                        + "firmware, channel, created_at) values (?, ?, ?, 'HS-Box 7', '1.4.2', 'SIMULATED', ?)")) {
            h.setObject(1, household);
            h.setString(2, "KF-" + suffix);
            h.setString(3, "Kafka replicas");
            h.setTimestamp(4, now);
            h.executeUpdate();
            r.setObject(1, router);
            r.setObject(2, household);
            r.setString(3, "KF-SN-" + suffix);
            r.setTimestamp(4, now);
            r.executeUpdate();
        }
        return router;
    }

    private static long count(Connection db, String sql, UUID router) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, router);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static String tail(AppInstance instance) {
        String out = instance.output();
        return out.length() > 4000 ? out.substring(out.length() - 4000) : out;
    }
}
