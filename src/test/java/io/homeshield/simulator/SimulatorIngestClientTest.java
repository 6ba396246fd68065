package io.homeshield.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpServer;

import io.homeshield.simulator.IngestClient.Delivery;
import io.homeshield.wire.HostEvent;
import io.homeshield.wire.TelemetryBatch;

/** The client against a small HTTP server standing in for the ingest endpoint. */
class SimulatorIngestClientTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final UUID ROUTER = UUID.fromString("6f1c2a7e-3d4b-4c5a-9e8f-0a1b2c3d4e5f");
    private static final SeededRouter SEEDED = new SeededRouter(ROUTER, "s3cr3t-Value_x", 1,
            DemoCatalogue.households().get(0));
    private static final TelemetryBatch BATCH = new TelemetryBatch(ROUTER, 1L, Instant.parse("2026-11-22T10:15:30Z"),
            List.of(new HostEvent("E0:CA:3C:71:4F:2A", "192.168.1.43", "IPCAM-4F2A", true,
                    Instant.parse("2026-11-22T10:15:25Z"))));

    private HttpServer server;
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> contentType = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();
    private volatile int status = 202;
    private volatile String retryAfter;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(IngestClient.PATH, exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            contentType.set(exchange.getRequestHeaders().getFirst("Content-Type"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (retryAfter != null) {
                exchange.getResponseHeaders().add("Retry-After", retryAfter);
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private IngestClient client() {
        return new IngestClient(JSON, config(Optional.empty()), "127.0.0.1", server.getAddress().getPort());
    }

    private static SimulatorConfig config(Optional<URI> ingestUrl) {
        return new SimulatorConfig() {
            public boolean enabled() {
                return true;
            }

            public Duration interval() {
                return Duration.ofSeconds(5);
            }

            public long seed() {
                return 1;
            }

            public Optional<URI> ingestUrl() {
                return ingestUrl;
            }

            public Duration requestTimeout() {
                return Duration.ofSeconds(2);
            }
        };
    }

    @Test
    void postsTheBatchAsJsonWithTheRoutersOwnBasicCredential() throws Exception {
        Delivery delivery = client().post(SEEDED, BATCH);

        assertEquals(new Delivery.Accepted(202), delivery);
        String expected = Base64.getEncoder()
                .encodeToString((ROUTER + ":s3cr3t-Value_x").getBytes(StandardCharsets.UTF_8));
        assertEquals("Basic " + expected, authorization.get());
        assertEquals("application/json", contentType.get());
        assertEquals(BATCH, JSON.readValue(body.get(), TelemetryBatch.class));
    }

    @Test
    void aResendTheIngestAlreadyHadCountsAsDelivered() {
        status = 200;
        assertEquals(new Delivery.Accepted(200), client().post(SEEDED, BATCH));
    }

    @Test
    void busyMeansTryTheSameBatchAgainAfterRetryAfter() {
        status = 429;
        retryAfter = "7";
        Delivery.TryAgain again = assertInstanceOf(Delivery.TryAgain.class, client().post(SEEDED, BATCH));
        assertEquals(Duration.ofSeconds(7), again.after());

        status = 503;
        retryAfter = null;
        again = assertInstanceOf(Delivery.TryAgain.class, client().post(SEEDED, BATCH));
        assertEquals(Duration.ZERO, again.after());
    }

    @Test
    void aRefusedOrMissingEndpointIsNotRetried() {
        status = 404;
        assertEquals(404, assertInstanceOf(Delivery.Refused.class, client().post(SEEDED, BATCH)).status());
        status = 401;
        assertEquals(401, assertInstanceOf(Delivery.Refused.class, client().post(SEEDED, BATCH)).status());
    }

    @Test
    void anUnreachableIngestIsTriedAgain() {
        int port = server.getAddress().getPort();
        server.stop(0);
        IngestClient client = new IngestClient(JSON, config(Optional.empty()), "127.0.0.1", port);
        assertInstanceOf(Delivery.TryAgain.class, client.post(SEEDED, BATCH));
    }

    @Test
    void theEndpointIsTheApplicationsOwnUnlessConfigured() {
        assertEquals(URI.create("http://localhost:8080/ingest/v1/batches"),
                new IngestClient(JSON, config(Optional.empty()), "0.0.0.0", 8080).endpoint());
        assertEquals(URI.create("http://127.0.0.1:8090/ingest/v1/batches"),
                new IngestClient(JSON, config(Optional.empty()), "127.0.0.1", 8090).endpoint());
        URI elsewhere = URI.create("https://ingest.example-isp.net/ingest/v1/batches");
        assertEquals(elsewhere, new IngestClient(JSON, config(Optional.of(elsewhere)), "0.0.0.0", 8080).endpoint());
    }
}
