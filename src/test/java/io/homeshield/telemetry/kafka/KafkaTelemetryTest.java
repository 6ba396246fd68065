package io.homeshield.telemetry.kafka;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.alert.Alert;
import io.homeshield.telemetry.TelemetryPipeline;
import io.homeshield.telemetry.TelemetryReceipt;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.wire.TelemetryBatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Telemetry through a real Kafka broker: ingest publishes checked batches keyed by router, the
 * detection consumers apply them; a consumer stopping mid-stream hands its partitions to the other
 * and no batch or alert is lost or counted twice.
 */
@QuarkusTest
@TestProfile(KafkaProfile.class)
class KafkaTelemetryTest {

    private static final String KNOWN_BAD = "zidomasones.com";

    @Inject
    TelemetryPipeline pipeline;

    @Inject
    DetectionConsumers consumers;

    @Inject
    ObjectMapper json;

    @Test
    void aPostedBatchIsQueuedAndDetectedByAConsumerAndAResendIsNotAppliedTwice() {
        TestHousehold home = Fixtures.household("kafka-router");
        String camera = Fixtures.randomMac().value();
        Map<String, Object> first = Batches.of(home.routerId(), 1).host(camera, "192.168.1.40", "IPCAM", true)
                .dns(camera, KNOWN_BAD).build();
        post(home, first).statusCode(202).body("status", equalTo("queued"));
        await().atMost(Duration.ofSeconds(30)).until(() -> alerts(home.routerId()).size() == 1);

        post(home, first).statusCode(202).body("status", equalTo("queued"));
        post(home, Batches.of(home.routerId(), 2).dns(camera, KNOWN_BAD).build()).statusCode(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> receipts(home.routerId()) == 2);

        List<Alert> alerts = alerts(home.routerId());
        assertEquals(1, alerts.size(), "one alert for the device and domain");
        assertEquals(2, alerts.get(0).occurrences, "batches 1 and 2 counted, the resent batch 1 not again");
    }

    @Test
    void stoppingAConsumerMidStreamHandsItsPartitionsOverAndLosesOrDuplicatesNothing() throws Exception {
        int routers = 24;
        int batchesEach = 10;
        List<TestHousehold> homes = new ArrayList<>();
        List<String> cameras = new ArrayList<>();
        for (int i = 0; i < routers; i++) {
            homes.add(Fixtures.household("kafka-handover-" + i));
            cameras.add(Fixtures.randomMac().value());
        }
        assertEquals(2, consumers.running());
        // Routers keep posting while a consumer stops: the consumers apply batches faster than they are posted.
        CompletableFuture<Void> posting = CompletableFuture.runAsync(() -> {
            for (int sequence = 1; sequence <= batchesEach; sequence++) {
                for (int i = 0; i < routers; i++) {
                    UUID router = homes.get(i).routerId();
                    Batches batch = Batches.of(router, sequence).dns(cameras.get(i), KNOWN_BAD);
                    if (sequence == 1) {
                        batch.host(cameras.get(i), "192.168.1.50", "CAM-" + i, true);
                    }
                    assertEquals("queued", pipeline.accept(router, read(batch.build())).status());
                }
            }
        });
        List<UUID> ids = homes.stream().map(TestHousehold::routerId).toList();
        int total = routers * batchesEach;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> receipts(ids) >= total / 5);
        long atStop = receipts(ids);
        assertTrue(consumers.stopOne());
        assertTrue(atStop < total, "stopped mid-stream: " + atStop + " of " + total + " applied");
        posting.get(60, TimeUnit.SECONDS);
        assertEquals(1, consumers.running());

        await().atMost(Duration.ofSeconds(120)).until(() -> receipts(ids) == total);
        for (UUID router : ids) {
            List<Alert> alerts = alerts(router);
            assertEquals(1, alerts.size(), "one alert for router " + router);
            assertEquals(batchesEach, alerts.get(0).occurrences, "every batch of router " + router + " counted once");
        }
    }

    private io.restassured.response.ValidatableResponse post(TestHousehold home, Map<String, Object> batch) {
        return given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret())
                .contentType(ContentType.JSON).body(batch).when().post("/ingest/v1/batches").then();
    }

    private TelemetryBatch read(Map<String, Object> batch) {
        return json.convertValue(batch, TelemetryBatch.class);
    }

    private static List<Alert> alerts(UUID router) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>list("routerId", router));
    }

    private static long receipts(UUID router) {
        return receipts(List.of(router));
    }

    private static long receipts(List<UUID> routers) {
        return QuarkusTransaction.requiringNew().call(() -> TelemetryReceipt.count("routerId in ?1", routers));
    }
}
