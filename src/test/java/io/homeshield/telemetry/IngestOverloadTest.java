package io.homeshield.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.alert.Alert;
import io.homeshield.inventory.Device;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A burst of batches beyond what the pipeline takes at once: routers are told to retry (503 with
 * Retry-After), retry as a router does, and resend some batches that were already accepted. In the
 * end everything acknowledged as accepted is stored exactly once.
 */
@QuarkusTest
@TestProfile(SmallIngestGateProfile.class)
class IngestOverloadTest {

    private static final String LISTED_DOMAIN = "zidomasones.com";
    private static final int ROUTERS = 4;
    private static final int BATCHES_PER_ROUTER = 30;
    private static final int FLOWS_PER_BATCH = 40;

    @TestHTTPResource("/ingest/v1/batches")
    URI endpoint;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry registry;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger busyAnswers = new AtomicInteger();
    private final Set<String> retryAfterValues = ConcurrentHashMap.newKeySet();

    @Test
    void aBurstBeyondCapacityIsRetriedAndEveryAcceptedBatchIsStoredExactlyOnce() throws Exception {
        double acceptedBefore = counter("homeshield.ingest.batches", "accepted");
        List<Router> routers = new ArrayList<>();
        for (int r = 0; r < ROUTERS; r++) {
            routers.add(new Router(Fixtures.household("overload-" + r), Fixtures.randomMac().value()));
        }
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Integer>> sends = new ArrayList<>();
        for (int seq = 1; seq <= BATCHES_PER_ROUTER; seq++) {
            for (Router router : routers) {
                String batch = batch(router, seq);
                sends.add(clients.submit(() -> sendUntilAnswered(router, batch)));
                if (seq % 5 == 0) {
                    // a resend racing the original, as after a timed-out request
                    sends.add(clients.submit(() -> sendUntilAnswered(router, batch)));
                }
            }
        }
        int accepted = 0;
        int duplicates = 0;
        for (Future<Integer> send : sends) {
            int status = send.get();
            accepted += status == 202 ? 1 : 0;
            duplicates += status == 200 ? 1 : 0;
        }
        // and resends long after the batch was accepted
        for (Router router : routers) {
            for (int seq = 1; seq <= BATCHES_PER_ROUTER; seq += 7) {
                duplicates += sendUntilAnswered(router, batch(router, seq)) == 200 ? 1 : 0;
            }
        }
        clients.shutdown();

        int batches = ROUTERS * BATCHES_PER_ROUTER;
        assertTrue(busyAnswers.get() > 0, "the burst should have overflowed the pipeline");
        assertEquals(Set.of("1"), retryAfterValues);
        assertEquals(batches, accepted, "each batch accepted exactly once");
        assertEquals(sends.size() - batches + ROUTERS * 5, duplicates);
        for (Router router : routers) {
            UUID id = router.home.routerId();
            assertEquals(BATCHES_PER_ROUTER, inTx(() -> TelemetryReceipt.count("routerId", id)));
            long events = inTx(() -> TelemetryReceipt.<TelemetryReceipt>list("routerId", id).stream()
                    .mapToLong(r -> r.eventCount).sum());
            assertEquals((long) BATCHES_PER_ROUTER * (2 + FLOWS_PER_BATCH), events);
            // one new device per batch, plus the camera
            assertEquals(BATCHES_PER_ROUTER + 1, inTx(() -> Device.count("routerId", id)));
            List<Alert> alerts = inTx(() -> Alert.<Alert>list("routerId = ?1 and type = 'KNOWN_BAD_DESTINATION'", id));
            assertEquals(1, alerts.size());
            assertEquals(BATCHES_PER_ROUTER, alerts.get(0).occurrences, "one lookup of the listed host per batch");
        }
        assertEquals(batches, counter("homeshield.ingest.batches", "accepted") - acceptedBefore);
    }

    /**
     * Posts the batch until it is answered other than 503 (pipeline full) or 429 (this router's batches
     * at once), waiting Retry-After seconds between tries.
     */
    private int sendUntilAnswered(Router router, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Authorization", router.authorization()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (int attempt = 0; attempt < 200; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 503 && response.statusCode() != 429) {
                assertTrue(response.statusCode() == 202 || response.statusCode() == 200, response.body());
                return response.statusCode();
            }
            busyAnswers.incrementAndGet();
            String retryAfter = response.headers().firstValue("Retry-After").orElse("missing");
            retryAfterValues.add(retryAfter);
            Thread.sleep(Long.parseLong(retryAfter) * 1000);
        }
        throw new AssertionError("never accepted");
    }

    private String batch(Router router, int seq) throws Exception {
        Batches batch = Batches.of(router.home.routerId(), seq)
                .host(newDeviceMac(router, seq), "192.168.1." + (10 + seq), "device-" + seq, true)
                .dns(router.camera, LISTED_DOMAIN);
        for (int i = 0; i < FLOWS_PER_BATCH; i++) {
            batch.flow(router.camera, "93.184.216." + (i + 1), 443);
        }
        return json.writeValueAsString(batch.build());
    }

    /** The same MAC for a batch however often it is built. */
    private static String newDeviceMac(Router router, int seq) {
        return String.format("0E:%02X:00:00:%02X:%02X", router.index, seq >> 8, seq & 0xFF);
    }

    private double counter(String name, String outcome) {
        var counter = registry.find(name).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static <T> T inTx(java.util.concurrent.Callable<T> work) {
        return QuarkusTransaction.requiringNew().call(work);
    }

    private static final AtomicInteger ROUTER_INDEX = new AtomicInteger();

    private record Router(TestHousehold home, String camera, int index) {
        Router(TestHousehold home, String camera) {
            this(home, camera, ROUTER_INDEX.incrementAndGet());
        }

        String authorization() {
            return "Basic " + Base64.getEncoder().encodeToString(
                    (home.routerId() + ":" + home.routerSecret()).getBytes(StandardCharsets.UTF_8));
        }
    }
}
