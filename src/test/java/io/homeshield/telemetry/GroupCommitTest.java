package io.homeshield.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.alert.EvidenceSource;
import io.homeshield.inventory.Device;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.RefusingDatabase;
import io.homeshield.wire.TelemetryBatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Batches of many routers applied together in one transaction: a batch the database refuses fails
 * alone, a batch sent twice (in one group or in two) is applied once, and a router's batches are
 * applied in the order they arrived.
 */
@QuarkusTest
class GroupCommitTest {

    @Inject
    WriterLanes lanes;

    @Inject
    ObjectMapper json;

    @Test
    void aBatchTheDatabaseRefusesFailsAloneAndTheRestOfItsGroupIsApplied() {
        List<TestHousehold> homes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            homes.add(Fixtures.household("group-isolation-" + i));
        }
        TestHousehold refused = homes.get(2);
        List<BatchProcessor.Submitted> group = new ArrayList<>();
        for (TestHousehold home : homes) {
            group.add(submitted(home, 1, Fixtures.randomMac().value(), "phone", Instant.now()));
        }

        List<CompletableFuture<BatchOutcome>> outcomes;
        try (RefusingDatabase refusing = RefusingDatabase.refusing(refused.routerId(), 1)) {
            outcomes = lanes.applyTogether(group);
        }

        for (int i = 0; i < homes.size(); i++) {
            if (i == 2) {
                ExecutionException failure = assertThrows(ExecutionException.class,
                        outcomes.get(i)::get);
                assertTrue(failure.getCause().getMessage().contains(RefusingDatabase.REASON)
                        || String.valueOf(rootCause(failure).getMessage()).contains(RefusingDatabase.REASON),
                        failure.toString());
                assertEquals(0L, receipts(homes.get(i)));
                assertEquals(0L, devices(homes.get(i)));
            } else {
                assertEquals("accepted", outcomes.get(i).join().status());
                assertEquals(1L, receipts(homes.get(i)));
                assertEquals(1L, devices(homes.get(i)));
            }
        }
    }

    @Test
    void aBatchSentTwiceInOneGroupOrInTwoIsAppliedOnce() {
        TestHousehold home = Fixtures.household("group-duplicates");
        TestHousehold other = Fixtures.household("group-duplicates-other");
        String mac = Fixtures.randomMac().value();
        // the database keeps microseconds (rounded): a later batch at the same instant must not read as older
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

        List<CompletableFuture<BatchOutcome>> first = lanes.applyTogether(List.of(
                submitted(home, 1, mac, "first", at), submitted(other, 1, Fixtures.randomMac().value(), "tv", at),
                submitted(home, 1, mac, "resent", at)));
        assertEquals(List.of("accepted", "accepted", "duplicate"), statuses(first));

        List<CompletableFuture<BatchOutcome>> second = lanes.applyTogether(List.of(
                submitted(home, 1, mac, "resent-again", at), submitted(home, 2, mac, "second", at)));
        assertEquals(List.of("duplicate", "accepted"), statuses(second));

        assertEquals(2L, receipts(home));
        assertEquals("second", hostname(home, mac));
        // one flow per applied batch in the device's hour: the copies added nothing
        assertEquals(2L, QuarkusTransaction.requiringNew().call(() -> ((Number) Device.getEntityManager()
                .createNativeQuery("select coalesce(sum(a.flows), 0) from device_activity a join device d"
                        + " on d.id = a.device_id where d.router_id = ?1")
                .setParameter(1, home.routerId()).getSingleResult()).longValue()));
    }

    @Test
    void aRoutersBatchesAreAppliedInTheOrderTheyArrivedAmongOtherRoutersBatches() throws Exception {
        TestHousehold home = Fixtures.household("group-order");
        List<TestHousehold> others = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            others.add(Fixtures.household("group-order-other-" + i));
        }
        String mac = Fixtures.randomMac().value();
        // the same time in every batch: each one's hostname counts, so the last applied is the one left
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<CompletableFuture<BatchOutcome>> outcomes = new ArrayList<>();
        int batches = 40;
        for (int sequence = 1; sequence <= batches; sequence++) {
            outcomes.add(lanes.submit(submitted(home, sequence, mac, "name-" + sequence, at)));
            for (TestHousehold other : others) {
                outcomes.add(lanes.submit(submitted(other, sequence, Fixtures.randomMac().value(), "tv", at)));
            }
        }
        for (CompletableFuture<BatchOutcome> outcome : outcomes) {
            assertEquals("accepted", outcome.get().status());
        }
        assertEquals("name-" + batches, hostname(home, mac));
        assertEquals((long) batches, receipts(home));
    }

    private BatchProcessor.Submitted submitted(TestHousehold home, long sequence, String mac, String hostname,
            Instant at) {
        TelemetryBatch batch = json.convertValue(Batches.of(home.routerId(), sequence).set("sentAt", at.toString())
                .host(mac, "192.168.1.20", hostname, true).flow(mac, "203.0.113.9", 443).build(), TelemetryBatch.class);
        return new BatchProcessor.Submitted(home.routerId(), batch, EvidenceSource.ROUTER);
    }

    private static List<String> statuses(List<CompletableFuture<BatchOutcome>> outcomes) {
        return outcomes.stream().map(o -> o.join().status()).toList();
    }

    private static Throwable rootCause(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static long receipts(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> TelemetryReceipt.count("routerId", home.routerId()));
    }

    private static long devices(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> Device.count("routerId", home.routerId()));
    }

    private static String hostname(TestHousehold home, String mac) {
        UUID router = home.routerId();
        return QuarkusTransaction.requiringNew().call(() -> Device.<Device>find("routerId = ?1 and mac = ?2", router,
                mac).singleResult().hostname);
    }
}
