package io.homeshield.telemetry;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.alert.Alert;
import io.homeshield.alert.EvidenceSource;
import io.homeshield.inventory.Device;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.wire.TelemetryBatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Batches applied on arrival and stored later, together: devices and alerts commit at once, while
 * receipts and roll-up sums wait in memory and are written in one transaction, one row per device and
 * hour (and per destination) for all the batches that fed it; no sender is answered before that.
 */
@QuarkusTest
@TestProfile(CoalescingProfile.class)
class CoalescedStoreTest {

    @Inject
    WriterLanes lanes;

    @Inject
    ObjectMapper json;

    @Test
    void batchesAreAppliedOnArrivalAndTheirRecordsStoredTogetherBeforeAnyIsAnswered() {
        TestHousehold home = Fixtures.household("coalesced");
        Device known = Fixtures.device(home, "kitchen-speaker", io.homeshield.inventory.DeviceType.SPEAKER);
        // an established household: a new device is news, announced by an alert on arrival
        QuarkusTransaction.requiringNew().run(() -> Device.update("firstSeen = ?1 where id = ?2",
                Instant.now().minus(Duration.ofHours(2)), known.id));
        String mac = Fixtures.randomMac().value();
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        List<CompletableFuture<BatchOutcome>> outcomes = new ArrayList<>();
        List<CompletableFuture<Void>> taken = new ArrayList<>();
        for (int sequence = 1; sequence <= 3; sequence++) {
            CompletableFuture<Void> t = new CompletableFuture<>();
            outcomes.add(lanes.submit(submitted(home, sequence, mac, at), t));
            taken.add(t);
        }
        // a copy of a batch still waiting for its store
        CompletableFuture<Void> copyTaken = new CompletableFuture<>();
        CompletableFuture<BatchOutcome> copy = lanes.submit(submitted(home, 2, mac, at), copyTaken);
        await().atMost(Duration.ofSeconds(30)).until(() -> taken.stream().allMatch(CompletableFuture::isDone)
                && copyTaken.isDone());

        // applied: the device and its alert are there, nothing is stored or answered yet
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Device.count("routerId = ?1 and mac = ?2",
                home.routerId(), mac)));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Alert.count(
                "routerId = ?1 and type = 'NEW_DEVICE'", home.routerId())));
        assertEquals(0L, receipts(home));
        assertEquals(0L, hourRows(home));
        assertFalse(outcomes.stream().anyMatch(CompletableFuture::isDone));
        assertFalse(copy.isDone());

        // the fourth and fifth waiting batches (one of another router) make the lane store
        TestHousehold other = Fixtures.household("coalesced-other");
        outcomes.add(lanes.submit(submitted(home, 4, mac, at)));
        outcomes.add(lanes.submit(submitted(other, 1, Fixtures.randomMac().value(), at)));

        for (CompletableFuture<BatchOutcome> outcome : outcomes) {
            assertEquals("accepted", outcome.join().status());
        }
        assertEquals("duplicate", copy.join().status());
        assertEquals(4L, receipts(home));
        // four batches, one flow each, in one device hour and one destination: one row each, summed
        assertEquals(1L, hourRows(home));
        assertEquals(4L, sum(home, "select coalesce(sum(a.flows), 0) from device_activity a"));
        assertEquals(1L, sum(home, "select count(*) from device_destination a"));
        assertEquals(4L, sum(home, "select coalesce(sum(a.connections), 0) from device_destination a"));

        // sent again once stored: answered at once as a duplicate, nothing added
        assertEquals("duplicate", lanes.submit(submitted(home, 3, mac, at)).join().status());
        assertEquals(4L, sum(home, "select coalesce(sum(a.flows), 0) from device_activity a"));
    }

    private BatchProcessor.Submitted submitted(TestHousehold home, long sequence, String mac, Instant at) {
        TelemetryBatch batch = json.convertValue(Batches.of(home.routerId(), sequence).set("sentAt", at.toString())
                .host(mac, "192.168.1.20", "tablet", true).flow(mac, "203.0.113.9", 443).build(), TelemetryBatch.class);
        return new BatchProcessor.Submitted(home.routerId(), batch, EvidenceSource.ROUTER);
    }

    private static long receipts(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> TelemetryReceipt.count("routerId", home.routerId()));
    }

    private static long hourRows(TestHousehold home) {
        return sum(home, "select count(*) from device_activity a");
    }

    private static long sum(TestHousehold home, String select) {
        UUID router = home.routerId();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Device.getEntityManager()
                .createNativeQuery(select + " join device d on d.id = a.device_id where d.router_id = ?1")
                .setParameter(1, router).getSingleResult()).longValue());
    }
}
