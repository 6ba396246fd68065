package io.homeshield.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.wire.TelemetryBatch;

/** Posts a simulated router's batches to the ingest endpoint over HTTP, as a real router would. */
@ApplicationScoped
class IngestClient {

    static final String PATH = "/ingest/v1/batches";

    /** What became of one post. */
    sealed interface Delivery {
        /** 202 (applied) or 200 (a resend the ingest already had). */
        record Accepted(int status) implements Delivery {
        }

        /** The ingest is busy or away: send the same batch again, not before {@code after}. */
        record TryAgain(String reason, Duration after) implements Delivery {
        }

        /** The ingest refused the batch itself; sending it again would not help. */
        record Refused(int status, String body) implements Delivery {
        }
    }

    private final ObjectMapper json;
    private final URI endpoint;
    private final Duration timeout;
    private final HttpClient http;

    IngestClient(ObjectMapper json, SimulatorConfig config,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "localhost") String host,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this.json = json;
        this.endpoint = config.ingestUrl().orElseGet(() -> ownEndpoint(host, port));
        this.timeout = config.requestTimeout();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    URI endpoint() {
        return endpoint;
    }

    String encode(TelemetryBatch batch) {
        try {
            return json.writeValueAsString(batch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("telemetry batch not serialisable", e);
        }
    }

    Delivery post(SeededRouter router, TelemetryBatch batch) {
        String basic = Base64.getEncoder()
                .encodeToString((router.routerId() + ":" + router.secret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(batch)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Delivery.TryAgain("ingest unreachable at " + endpoint + ": " + e, Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.TryAgain("interrupted", Duration.ZERO);
        }
        int status = response.statusCode();
        if (status == 200 || status == 202) {
            return new Delivery.Accepted(status);
        }
        if (status == 429 || status >= 500) {
            return new Delivery.TryAgain("ingest answered " + status, retryAfter(response));
        }
        return new Delivery.Refused(status, response.body());
    }

    /** Retry-After as delay-seconds; the HTTP-date form leaves the batch for the next round. */
    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> value = response.headers().firstValue("Retry-After");
        try {
            return value.map(v -> Duration.ofSeconds(Long.parseLong(v.trim()))).orElse(Duration.ZERO);
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }

    private static URI ownEndpoint(String host, int port) {
        // a server bound to every interface is reached on the loopback one
        String target = switch (host) {
            case "0.0.0.0", "::", "[::]" -> "localhost";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        return URI.create("http://" + target + ":" + port + PATH);
    }
}
