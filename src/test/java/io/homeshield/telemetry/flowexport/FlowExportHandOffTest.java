package io.homeshield.telemetry.flowexport;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.net.IpAddress;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.TelemetryBatch;
import io.homeshield.wire.TelemetryEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The collector's hand-off to the pipeline: parallel lanes, each router in order, and every drop
 * counted and logged.
 */
@QuarkusTest
class FlowExportHandOffTest {

    private static final Instant START = Instant.parse("2026-12-07T00:00:00Z");

    @Inject
    FlowExportMetrics metrics;

    @Inject
    FlowExportConfig config;

    @Inject
    FlowExporters exporters;

    @Test
    void flowsThatFindTheirLaneFullAreDroppedCountedAndLoggedOncePerInterval() throws Exception {
        SettableClock clock = new SettableClock(START);
        FlowExportDrops drops = new FlowExportDrops(metrics, config, clock);
        CountDownLatch pipelineFull = new CountDownLatch(1);
        FlowBatchSink stuck = batch -> {
            try {
                pipelineFull.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        HandOffLanes lanes = new HandOffLanes(1, 10, 10, stuck, metrics, drops);
        UUID router = UUID.randomUUID();
        double countedBefore = metrics.dropped("handoff-lane-full");
        List<String> logged = capturedWarnings();
        lanes.start();
        try {
            assertTrue(lanes.offer(batch(router, 1, 6)));
            assertTrue(lanes.offer(batch(router, 2, 4)));
            assertFalse(lanes.offer(batch(router, 3, 3)), "the lane holds 10 flows at most");

            assertEquals(3, metrics.dropped("handoff-lane-full") - countedBefore);
            assertEquals(1, logged.size(), logged.toString());
            assertTrue(logged.get(0).contains("3 flows because their hand-off lane was full"), logged.get(0));

            clock.advance(Duration.ofSeconds(20));
            assertFalse(lanes.offer(batch(router, 4, 2)));
            assertFalse(lanes.offer(batch(router, 5, 5)));
            drops.logHeldBack();
            assertEquals(1, logged.size(), "at most one line per interval: " + logged);
            assertEquals(10, metrics.dropped("handoff-lane-full") - countedBefore, "every drop is counted at once");

            clock.advance(config.dropLogInterval());
            drops.logHeldBack();
            assertEquals(2, logged.size(), logged.toString());
            assertTrue(logged.get(1).contains("7 flows because their hand-off lane was full"), logged.get(1));

            FlowExportDrops.Summary summary = drops.summary();
            assertEquals(10, summary.flowsLaneFull());
            assertTrue(summary.recent());
            clock.advance(config.dropAlertWindow());
            assertFalse(drops.summary().recent(), "the page's warning ends with the alert window");
        } finally {
            pipelineFull.countDown();
            lanes.stop();
            stopCapturing();
        }
    }

    @Test
    void eachRoutersBatchesArriveInTheirOrderWhileLanesWorkSideBySide() {
        FlowExportDrops drops = new FlowExportDrops(metrics, config, Clock.systemUTC());
        Map<UUID, List<Long>> arrived = new ConcurrentHashMap<>();
        Set<String> lanesUsed = ConcurrentHashMap.newKeySet();
        AtomicInteger delivered = new AtomicInteger();
        FlowBatchSink pipeline = batch -> {
            lanesUsed.add(Thread.currentThread().getName());
            arrived.computeIfAbsent(batch.routerId(), id -> new CopyOnWriteArrayList<>()).add(batch.sequence());
            Thread.yield();
            delivered.incrementAndGet();
        };
        HandOffLanes lanes = new HandOffLanes(4, 100_000, 10, pipeline, metrics, drops);
        List<UUID> routers = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            routers.add(UUID.randomUUID());
        }
        lanes.start();
        try {
            for (long sequence = 1; sequence <= 50; sequence++) {
                for (UUID router : routers) {
                    assertTrue(lanes.offer(batch(router, sequence, 3)));
                }
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> delivered.get() == 40 * 50);
        } finally {
            lanes.stop();
        }
        List<Long> inOrder = new ArrayList<>();
        for (long sequence = 1; sequence <= 50; sequence++) {
            inOrder.add(sequence);
        }
        for (UUID router : routers) {
            assertEquals(inOrder, arrived.get(router), "batches of router " + router);
        }
        assertEquals(4, lanesUsed.size(), "every lane delivered: " + lanesUsed);
        assertEquals(0, drops.summary().totals().size());
    }

    @Test
    void belowCapacityNothingIsLostWhileThePipelineIsBusy() {
        FlowExportDrops drops = new FlowExportDrops(metrics, config, Clock.systemUTC());
        AtomicInteger calls = new AtomicInteger();
        List<Long> applied = Collections.synchronizedList(new ArrayList<>());
        FlowBatchSink busyEveryOtherTime = batch -> {
            if (calls.incrementAndGet() % 2 == 1) {
                throw new ProblemException(ProblemType.UNAVAILABLE, "The ingest pipeline is full");
            }
            applied.add(batch.sequence());
        };
        HandOffLanes lanes = new HandOffLanes(2, 1_000, 1, busyEveryOtherTime, metrics, drops);
        UUID router = UUID.randomUUID();
        lanes.start();
        try {
            for (long sequence = 1; sequence <= 100; sequence++) {
                assertTrue(lanes.offer(batch(router, sequence, 5)));
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> applied.size() == 100);
        } finally {
            lanes.stop();
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(i + 1, applied.get(i), "each batch once, in order");
        }
        assertEquals(0, drops.summary().totals().size());
        assertEquals(0, lanes.pendingFlows());
    }

    @Test
    void theCollectorAppliesEveryMappedFlowOfItsExportersBelowCapacity() {
        List<TestHousehold> homes = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            TestHousehold home = Fixtures.household("flowexport-capacity-" + r);
            given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret())
                    .contentType(ContentType.JSON)
                    .body(Batches.of(home.routerId(), 1).host(Fixtures.randomMac().value(), "192.168.7." + (20 + r),
                            "laptop", true).build())
                    .when().post("/ingest/v1/batches").then().statusCode(202);
            String exporter = "127.0.9." + (1 + r);
            QuarkusTransaction.requiringNew().run(() -> exporters.register(home.routerId(), IpAddress.of(exporter)));
            homes.add(home);
        }
        double mappedBefore = FlowExportProbe.count("homeshield.flowexport.flows", "mapped");
        double appliedBefore = FlowExportProbe.count("homeshield.flowexport.flows", "applied");
        double dropsBefore = metrics.dropped("handoff-lane-full") + metrics.dropped("datagram-queue-full")
                + metrics.dropped("refused");
        long start = System.currentTimeMillis() - 60_000;
        for (int datagram = 0; datagram < 20; datagram++) {
            for (int r = 0; r < homes.size(); r++) {
                List<FlowExportProbe.Flow> flows = new ArrayList<>();
                for (int f = 0; f < 25; f++) {
                    flows.add(new FlowExportProbe.Flow("192.168.7." + (20 + r), "198.51.100." + (1 + f), 443,
                            start + datagram * 100 + f));
                }
                FlowExportProbe.send("127.0.9." + (1 + r), FlowExportProbe.ipfix(400, flows));
            }
        }
        int sent = 20 * homes.size() * 25;
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> FlowExportProbe.count("homeshield.flowexport.flows", "applied") - appliedBefore >= sent);
        assertEquals(sent, FlowExportProbe.count("homeshield.flowexport.flows", "mapped") - mappedBefore);
        assertEquals(sent, FlowExportProbe.count("homeshield.flowexport.flows", "applied") - appliedBefore);
        assertEquals(dropsBefore, metrics.dropped("handoff-lane-full") + metrics.dropped("datagram-queue-full")
                + metrics.dropped("refused"));
    }

    private static TelemetryBatch batch(UUID router, long sequence, int flows) {
        List<TelemetryEvent> events = new ArrayList<>();
        for (int i = 0; i < flows; i++) {
            events.add(new FlowEvent("3C:84:6A:12:34:56", "tcp", "203.0.113." + (1 + i), 443, 1200, 0, 3, 0, START,
                    300L));
        }
        return new TelemetryBatch(router, sequence, START, events);
    }

    private Handler capture;

    private List<String> capturedWarnings() {
        List<String> lines = new CopyOnWriteArrayList<>();
        capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger.getLogger(FlowExportDrops.class.getName()).addHandler(capture);
        return lines;
    }

    private void stopCapturing() {
        Logger.getLogger(FlowExportDrops.class.getName()).removeHandler(capture);
    }

    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
