package io.homeshield.telemetry;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditEntry;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.inventory.Device;
import io.homeshield.testsupport.DeviceHourBatches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.RefusingDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The poison batch: a counter at the long maximum, then another batch for the same device and hour.
 * It is refused at the door; the sums of that device and hour saturate instead of failing; and a
 * batch the database refuses anyway becomes a dead letter with the reason while the router's later
 * batches, and every other router's, go on, over HTTP and over MQTT.
 */
@QuarkusTest
class PoisonBatchTest {

    private static final String INGEST = "/ingest/v1/batches";

    @Inject
    DeadLetterReplay replay;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aCounterAtTheLongMaximumIsRefusedAndTheSameDeviceAndHourSaturateInsteadOfFailing() {
        TestHousehold poisoner = Fixtures.household("poison-http");
        TestHousehold neighbour = Fixtures.household("poison-http-neighbour");
        String mac = Fixtures.randomMac().value();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);

        post(poisoner, batch(poisoner.routerId(), 1, mac, hour, Long.MAX_VALUE)).statusCode(400)
                .body("violations.field", hasItem("events[1].bytesOut"));
        post(neighbour, batch(neighbour.routerId(), 1, Fixtures.randomMac().value(), hour, 1_000)).statusCode(202);

        post(poisoner, batch(poisoner.routerId(), 1, mac, hour, 1_000)).statusCode(202)
                .body("status", equalTo("accepted"));
        // the device's hour and day already hold sums a step from the largest bigint
        UUID device = deviceId(poisoner, mac);
        execute("update device_activity set bytes_out = 9223372036854775800 where device_id = ?1", device);
        execute("update device_destination set bytes = 9223372036854775800 where device_id = ?1", device);

        post(poisoner, batch(poisoner.routerId(), 2, mac, hour, 1_000)).statusCode(202)
                .body("status", equalTo("accepted"));
        post(neighbour, batch(neighbour.routerId(), 2, Fixtures.randomMac().value(), hour, 1_000)).statusCode(202);

        assertEquals(Long.MAX_VALUE, number("select bytes_out from device_activity where device_id = ?1", device));
        assertEquals(Long.MAX_VALUE, number("select max(bytes) from device_destination where device_id = ?1", device));
        assertEquals(2L, receipts(poisoner));
        assertEquals(0L, deadLetters(poisoner).size());
    }

    @Test
    void aBatchTheDatabaseRefusesBecomesADeadLetterAndTheRoutersLaterBatchesGoOn() {
        TestHousehold router = Fixtures.household("poison-dead-letter");
        TestHousehold neighbour = Fixtures.household("poison-dead-letter-neighbour");
        String mac = Fixtures.randomMac().value();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);

        try (RefusingDatabase refusing = RefusingDatabase.refusing(router.routerId(), 1)) {
            post(router, batch(router.routerId(), 1, mac, hour, 5_000)).statusCode(202)
                    .body("status", equalTo("dead-lettered"));
            post(neighbour, batch(neighbour.routerId(), 1, Fixtures.randomMac().value(), hour, 5_000)).statusCode(202)
                    .body("status", equalTo("accepted"));
            post(router, batch(router.routerId(), 2, mac, hour, 5_000)).statusCode(202)
                    .body("status", equalTo("accepted"));
        }

        List<TelemetryDeadLetter> letters = deadLetters(router);
        assertEquals(1, letters.size());
        TelemetryDeadLetter letter = letters.get(0);
        assertEquals(1L, letter.sequence);
        assertEquals(3, letter.attempts);
        assertEquals(router.id().value(), letter.householdId);
        assertTrue(letter.reason.contains(RefusingDatabase.REASON), letter.reason);
        assertTrue(letter.batch.contains(mac), "the batch is kept whole");
        assertEquals(1L, receipts(router), "batch 2 applied, batch 1 waiting as a dead letter");

        Actor analyst = new Actor("ana", "analyst");
        String outcome = replay.replay(letter.id, analyst, "TICKET-77: the database refusal is fixed");
        assertTrue(outcome.startsWith("applied"), outcome);
        assertEquals(2L, receipts(router));
        TelemetryDeadLetter replayed = deadLetters(router).get(0);
        assertTrue(replayed.replayed());
        assertEquals("ana", replayed.replayedBy);
        AuditEntry audit = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                "action = 'telemetry.dead-letter.replay' and target = ?1", "router " + router.routerId() + " batch 1")
                .singleResult());
        assertEquals("TICKET-77: the database refusal is fixed", audit.reason);
        assertEquals("done", audit.outcome);
        assertThrows(ProblemException.class, () -> replay.replay(letter.id, analyst, "TICKET-77: once more please"),
                "a letter is applied once");
    }

    @Test
    void overMqttThePoisonIsRefusedARefusedBatchIsDeadLetteredAndNothingIsHeldUp() throws Exception {
        TestHousehold router = Fixtures.household("poison-mqtt");
        TestHousehold neighbour = Fixtures.household("poison-mqtt-neighbour");
        String mac = Fixtures.randomMac().value();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        MqttClient client = new MqttClient("tcp://127.0.0.1:1883", "poison-router-" + UUID.randomUUID(),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options);
        try (RefusingDatabase refusing = RefusingDatabase.refusing(router.routerId(), 2)) {
            BlockingQueue<String> problems = new LinkedBlockingQueue<>();
            client.subscribe(new MqttSubscription[] {
                    new MqttSubscription("homeshield/telemetry/" + router.routerId() + "/problems", 1) },
                    new IMqttMessageListener[] { (t, message) -> problems.add(new String(message.getPayload())) });

            publish(client, router.routerId(), batch(router.routerId(), 1, mac, hour, Long.MAX_VALUE));
            publish(client, router.routerId(), batch(router.routerId(), 2, mac, hour, 5_000));
            publish(client, router.routerId(), batch(router.routerId(), 3, mac, hour, 5_000));
            publish(client, neighbour.routerId(),
                    batch(neighbour.routerId(), 1, Fixtures.randomMac().value(), hour, 5_000));

            assertNotNull(problemNaming(problems, "events[1].bytesOut"), "the poison's problem names its field");
            await().atMost(Duration.ofSeconds(30)).until(() -> receipts(router) == 1 && receipts(neighbour) == 1
                    && deadLetters(router).size() == 1);
        } finally {
            client.disconnect();
            client.close();
        }
        TelemetryDeadLetter letter = deadLetters(router).get(0);
        assertEquals(2L, letter.sequence);
        assertTrue(letter.reason.contains(RefusingDatabase.REASON), letter.reason);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> TelemetryReceipt.count(
                "routerId = ?1 and sequence = 3", router.routerId())), "the batch after the dead letter applied");
    }

    private static Map<String, Object> batch(UUID routerId, long sequence, String mac, Instant hour, long bytesOut) {
        return DeviceHourBatches.of(routerId, sequence, mac, hour, bytesOut);
    }

    private static String problemNaming(BlockingQueue<String> problems, String field) throws InterruptedException {
        long until = System.currentTimeMillis() + 15_000;
        for (String problem = problems.poll(15, TimeUnit.SECONDS); problem != null;
                problem = problems.poll(Math.max(1, until - System.currentTimeMillis()), TimeUnit.MILLISECONDS)) {
            if (problem.contains(field)) {
                return problem;
            }
        }
        return null;
    }

    private void publish(MqttClient client, UUID routerId, Map<String, Object> batch) throws Exception {
        MqttMessage message = new MqttMessage(json.writeValueAsBytes(batch));
        message.setQos(1);
        client.publish("homeshield/telemetry/" + routerId + "/batches", message);
    }

    private static ValidatableResponse post(TestHousehold home, Map<String, Object> batch) {
        return given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret())
                .contentType(ContentType.JSON).body(batch).when().post(INGEST).then();
    }

    private static UUID deviceId(TestHousehold home, String mac) {
        return QuarkusTransaction.requiringNew().call(() -> Device.<Device>find("routerId = ?1 and mac = ?2",
                home.routerId(), mac).singleResult().id);
    }

    private static void execute(String sql, UUID device) {
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1, Device.getEntityManager().createNativeQuery(sql)
                .setParameter(1, device).executeUpdate()));
    }

    private static long number(String sql, UUID device) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Device.getEntityManager().createNativeQuery(sql)
                .setParameter(1, device).getSingleResult()).longValue());
    }

    static long receipts(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> TelemetryReceipt.count("routerId", home.routerId()));
    }

    static List<TelemetryDeadLetter> deadLetters(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> TelemetryDeadLetter.<TelemetryDeadLetter>list("routerId",
                home.routerId()));
    }
}
