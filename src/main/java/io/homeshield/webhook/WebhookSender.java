package io.homeshield.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Posts due deliveries to the receivers, signed. Sending is asynchronous with connect and answer
 * timeouts, on its own threads and with a bound on deliveries in flight: an unreachable or slow
 * receiver costs only its own deliveries' time, never a request thread or the telemetry pipeline.
 */
@ApplicationScoped
class WebhookSender {

    static final String EVENT_HEADER = "HomeShield-Event";
    static final String DELIVERY_HEADER = "HomeShield-Delivery";

    private final WebhookOutbox outbox;
    private final WebhookConfig config;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "webhook-sender");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;

    WebhookSender(WebhookOutbox outbox, WebhookConfig config, Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).executor(threads)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(every = "${homeshield.webhooks.poll-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        int room = config.maxInFlight() - inFlight.get();
        if (room > 0) {
            outbox.claimDue(room).forEach(this::send);
        }
    }

    private void send(WebhookOutbox.Outgoing delivery) {
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(config.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "HomeShield-Webhooks/1")
                    .header(EVENT_HEADER, delivery.eventType())
                    .header(DELIVERY_HEADER, delivery.deliveryId().toString())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(),
                            clock.instant().getEpochSecond(), delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                    .build();
        } catch (IllegalArgumentException e) {
            finish(delivery, null, "Not a URL that can be posted to", start);
            return;
        }
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .whenCompleteAsync((response, failure) -> finish(delivery,
                        response == null ? null : response.statusCode(),
                        failure != null ? describe(failure)
                                : response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode(),
                        start), threads);
    }

    private void finish(WebhookOutbox.Outgoing delivery, Integer status, String error, long start) {
        try {
            outbox.record(delivery, status, error, Duration.ofNanos(System.nanoTime() - start));
        } catch (RuntimeException e) {
            Log.warnf(e, "Webhook delivery %s: could not record the attempt; it is retried after its lease",
                    delivery.deliveryId());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof HttpTimeoutException) {
            return "No answer in time";
        }
        if (cause instanceof java.net.ConnectException) {
            return "Could not connect to the receiver";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
