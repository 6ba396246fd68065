package io.homeshield.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.infra.outbound.OutboundException;
import io.homeshield.infra.outbound.OutboundHttp;
import io.homeshield.infra.outbound.OutboundRefusedException;
import io.homeshield.infra.outbound.OutboundRequest;
import io.homeshield.infra.outbound.OutboundTarget;
import io.homeshield.infra.outbound.OutboundTargets;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Posts due deliveries to the receivers, signed. Each delivery goes through the outbound guard
 * again (the receiver's name is resolved now and every address checked, so a name that has come to
 * resolve inward since registration is refused and the refusal logged); each exchange has one
 * deadline for all of it, and a receiver host has a bounded number of deliveries in flight, so a
 * slow receiver costs only its own deliveries' time, never another's, a request thread, or the
 * telemetry pipeline.
 */
@ApplicationScoped
class WebhookSender {

    static final String EVENT_HEADER = "HomeShield-Event";
    static final String DELIVERY_HEADER = "HomeShield-Delivery";

    private final WebhookOutbox outbox;
    private final WebhookConfig config;
    private final OutboundTargets targets;
    private final OutboundHttp http;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "webhook-sender");
        thread.setDaemon(true);
        return thread;
    });

    WebhookSender(WebhookOutbox outbox, WebhookConfig config, OutboundTargets targets, OutboundHttp http,
            Clock clock) {
        this.outbox = outbox;
        this.config = config;
        this.targets = targets;
        this.http = http;
        this.clock = clock;
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
        OutboundTarget target;
        try {
            target = targets.parse(delivery.url(), true);
        } catch (OutboundRefusedException e) {
            finish(delivery, null, "Refused: " + e.getMessage(), start);
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "HomeShield-Webhooks/1");
        headers.put(EVENT_HEADER, delivery.eventType());
        headers.put(DELIVERY_HEADER, delivery.deliveryId().toString());
        headers.put(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(),
                clock.instant().getEpochSecond(), delivery.payload()));
        http.send(new OutboundRequest("POST", target, headers, delivery.payload().getBytes(StandardCharsets.UTF_8),
                config.requestTimeout(), 0))
                .whenCompleteAsync((response, failure) -> {
                    if (isBusy(failure)) {
                        postpone(delivery);
                    } else {
                        finish(delivery, response == null ? null : response.status(),
                                failure != null ? describe(failure)
                                        : response.status() / 100 == 2 ? null : "HTTP " + response.status(),
                                start);
                    }
                }, threads);
    }

    private static boolean isBusy(Throwable failure) {
        return cause(failure) instanceof OutboundException outbound
                && outbound.kind() == OutboundException.Kind.BUSY;
    }

    /** The receiver's host has all its slots in use: nothing was sent, so no attempt is counted. */
    private void postpone(WebhookOutbox.Outgoing delivery) {
        try {
            outbox.postpone(delivery);
        } catch (RuntimeException e) {
            Log.warnf(e, "Webhook delivery %s: could not postpone it; it is retried after its lease",
                    delivery.deliveryId());
        } finally {
            inFlight.decrementAndGet();
        }
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

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    private static String describe(Throwable failure) {
        Throwable cause = cause(failure);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
