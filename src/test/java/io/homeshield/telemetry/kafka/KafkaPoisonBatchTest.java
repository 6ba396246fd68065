package io.homeshield.telemetry.kafka;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.telemetry.DeadLetterReplay;
import io.homeshield.telemetry.TelemetryDeadLetter;
import io.homeshield.telemetry.TelemetryReceipt;
import io.homeshield.testsupport.DeviceHourBatches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.RefusingDatabase;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.HostEvent;
import io.homeshield.wire.TelemetryBatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The poison batch on the telemetry stream: a record with a counter at the long maximum (as a
 * replica without the bound, or anything else able to write to the topic, could publish), and a
 * batch the database refuses. Both become dead letters with their reason; the partition goes on
 * with the router's later batches and every other router's.
 */
@QuarkusTest
@TestProfile(KafkaProfile.class)
class KafkaPoisonBatchTest {

    @Inject
    TelemetryRecords records;

    @Inject
    KafkaTelemetryConfig config;

    @Inject
    DeadLetterReplay replay;

    @Test
    void poisonOnTheStreamBecomesADeadLetterAndThePartitionGoesOn() throws Exception {
        TestHousehold router = Fixtures.household("kafka-poison");
        TestHousehold neighbour = Fixtures.household("kafka-poison-neighbour");
        String mac = Fixtures.randomMac().value();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                KafkaClients.common(config, "poison-" + UUID.randomUUID()), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(config.topic(), router.routerId().toString(),
                    records.write(batch(router.routerId(), 1, mac, hour, Long.MAX_VALUE)))).get(30, TimeUnit.SECONDS);
        }
        try (RefusingDatabase refusing = RefusingDatabase.refusing(router.routerId(), 3)) {
            post(router, 2, mac, hour);
            post(router, 3, mac, hour);
            post(router, 4, mac, hour);
            post(neighbour, 1, Fixtures.randomMac().value(), hour);

            await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters(router).size() == 2
                    && receipts(router).equals(List.of(2L, 4L)) && receipts(neighbour).equals(List.of(1L)));
        }

        List<TelemetryDeadLetter> letters = deadLetters(router);
        TelemetryDeadLetter poison = letters.get(0);
        assertEquals(1L, poison.sequence);
        assertTrue(poison.reason.startsWith("refused: ") && poison.reason.contains("events[1].bytesOut"),
                poison.reason);
        TelemetryDeadLetter refused = letters.get(1);
        assertEquals(3L, refused.sequence);
        assertTrue(refused.reason.contains(RefusingDatabase.REASON), refused.reason);
        assertEquals(3, refused.attempts);

        String outcome = replay.replay(poison.id, new Actor("ana", "analyst"),
                "INC-5120: is the overflow still there?");
        assertTrue(outcome.startsWith("refused: ") && outcome.contains("events[1].bytesOut"), outcome);
        assertEquals(List.of(2L, 4L), receipts(router), "a replayed poison is refused again, not applied");
    }

    private static TelemetryBatch batch(UUID routerId, long sequence, String mac, Instant hour, long bytesOut) {
        return new TelemetryBatch(routerId, sequence, Instant.now(), List.of(
                new HostEvent(mac, "192.168.1.31", "console", true, null),
                new FlowEvent(mac, "tcp", "203.0.113.81", 443, bytesOut, 900, 10, 8, hour, 60_000L)));
    }

    private static void post(TestHousehold home, long sequence, String mac, Instant hour) {
        Map<String, Object> body = DeviceHourBatches.of(home.routerId(), sequence, mac, hour, 5_000);
        given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret()).contentType(ContentType.JSON)
                .body(body).when().post("/ingest/v1/batches").then().statusCode(202).body("status", equalTo("queued"));
    }

    private static List<TelemetryDeadLetter> deadLetters(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> TelemetryDeadLetter.<TelemetryDeadLetter>list(
                "routerId = ?1 order by sequence", home.routerId()));
    }

    private static List<Long> receipts(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> TelemetryReceipt.<TelemetryReceipt>list(
                "routerId = ?1 order by sequence", home.routerId()).stream().map(r -> r.sequence).toList());
    }
}
