package io.homeshield.telemetry;

import static org.awaitility.Awaitility.await;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.SmallRouterLimitsProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * One router floods ingest from several connections at once while fifty others send their batches:
 * the flooder is answered 429 with Retry-After, and every other router's batch is accepted at once.
 */
@QuarkusTest
@TestProfile(SmallRouterLimitsProfile.class)
class IngestFairnessTest {

    private static final int OTHERS = 50;
    private static final int FLOOD_CONNECTIONS = 4;

    @TestHTTPResource("/ingest/v1/batches")
    URI endpoint;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aFloodingRouterIsAnswered429WhileFiftyOtherRoutersAreAllAccepted() throws Exception {
        TestHousehold flooder = Fixtures.household("fairness-flooder");
        List<TestHousehold> others = new ArrayList<>();
        for (int i = 0; i < OTHERS; i++) {
            others.add(Fixtures.household("fairness-" + i));
        }
        AtomicBoolean flooding = new AtomicBoolean(true);
        Map<Integer, Integer> floodAnswers = new ConcurrentHashMap<>();
        List<String> retryAfter = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService flood = Executors.newFixedThreadPool(FLOOD_CONNECTIONS);
        List<Future<?>> floods = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
        for (int c = 0; c < FLOOD_CONNECTIONS; c++) {
            floods.add(flood.submit(() -> {
                while (flooding.get()) {
                    HttpResponse<String> answer = post(flooder,
                            batch(flooder.routerId(), sequence.incrementAndGet(), 50));
                    floodAnswers.merge(answer.statusCode(), 1, Integer::sum);
                    answer.headers().firstValue("Retry-After").ifPresent(retryAfter::add);
                }
                return null;
            }));
        }
        await("the flooder limited before the others start").atMost(Duration.ofSeconds(15))
                .until(() -> floodAnswers.containsKey(429));

        ExecutorService senders = Executors.newFixedThreadPool(6);
        List<Future<HttpResponse<String>>> sends = new ArrayList<>();
        for (TestHousehold home : others) {
            sends.add(senders.submit(() -> post(home, batch(home.routerId(), 1, 10))));
        }
        List<String> refusedOthers = new ArrayList<>();
        for (Future<HttpResponse<String>> send : sends) {
            HttpResponse<String> answer = send.get();
            if (answer.statusCode() != 202) {
                refusedOthers.add(answer.statusCode() + " " + answer.body());
            }
        }
        flooding.set(false);
        for (Future<?> f : floods) {
            f.get();
        }
        flood.shutdown();
        senders.shutdown();

        assertEquals(List.of(), refusedOthers, "every other router's batch accepted at its first try");
        List<UUID> ids = others.stream().map(TestHousehold::routerId).toList();
        assertEquals((long) OTHERS, QuarkusTransaction.requiringNew()
                .call(() -> TelemetryReceipt.count("routerId in ?1", ids)));
        assertTrue(floodAnswers.getOrDefault(429, 0) > 0, "the flooder was limited: " + floodAnswers);
        assertTrue(floodAnswers.keySet().stream().allMatch(s -> s == 202 || s == 429), "flood answers " + floodAnswers);
        assertTrue(!retryAfter.isEmpty() && retryAfter.stream().allMatch(v -> Integer.parseInt(v) >= 1),
                "every 429 says when to retry: " + retryAfter);
        long accepted = QuarkusTransaction.requiringNew()
                .call(() -> TelemetryReceipt.count("routerId", flooder.routerId()));
        assertEquals((long) floodAnswers.getOrDefault(202, 0), accepted, "what the flooder was told is what is stored");
    }

    private String batch(UUID routerId, long sequence, int flows) throws Exception {
        Batches batch = Batches.of(routerId, sequence);
        for (int i = 0; i < flows; i++) {
            batch.flow("02:00:00:00:00:0" + (i % 8 + 1), "203.0.113." + (i % 200 + 1), 443);
        }
        return json.writeValueAsString(batch.build());
    }

    private HttpResponse<String> post(TestHousehold home, String body) throws Exception {
        String credential = Base64.getEncoder()
                .encodeToString((home.routerId() + ":" + home.routerSecret()).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credential).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
