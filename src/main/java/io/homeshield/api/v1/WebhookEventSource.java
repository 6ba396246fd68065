package io.homeshield.api.v1;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.alert.Alert;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.webhook.WebhookEventReading;
import io.homeshield.webhook.WebhookEventReading.Stretch;
import io.homeshield.webhook.WebhookEventType;
import io.homeshield.webhook.WebhookService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Turns what changed in households with webhooks (alerts raised or moved on, actions moved on) into
 * webhook events, with the same records the API answers. It reads the database, like the portal's
 * live updates, so it never sits in the telemetry pipeline's way. Where it got to is kept in the
 * database with the deliveries ({@link WebhookEventReading}): after a restart or an outage it carries
 * on from there, whichever instance runs the next pass; an event read twice is delivered once.
 */
@ApplicationScoped
class WebhookEventSource {

    /** Catching up after an outage: at most this many stretches (of an hour) per poll, each its own transaction. */
    private static final int MAX_STRETCHES_PER_POLL = 24;

    /** The body of every webhook post. */
    record WebhookEvent(String id, String type, Instant occurredAt, UUID householdId, Object data) {
    }

    private final WebhookService webhooks;
    private final WebhookEventReading reading;
    private final AlertViews alertViews;
    private final ObjectMapper json;

    WebhookEventSource(WebhookService webhooks, WebhookEventReading reading, AlertViews alertViews, ObjectMapper json) {
        this.webhooks = webhooks;
        this.reading = reading;
        this.alertViews = alertViews;
        this.json = json;
    }

    @Scheduled(every = "${homeshield.webhooks.poll-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        for (int i = 0; i < MAX_STRETCHES_PER_POLL; i++) {
            Optional<Stretch> read = QuarkusTransaction.requiringNew().call(() -> reading.claim().map(this::pass));
            if (read.isEmpty() || !read.get().behind()) {
                return;
            }
        }
    }

    /** One pass, in the transaction that holds the position: read the stretch, add its deliveries, move on. */
    private Stretch pass(Stretch stretch) {
        List<UUID> households = webhooks.householdsWithWebhooks();
        if (!households.isEmpty()) {
            webhooks.enqueue(read(households, stretch).stream()
                    .map(e -> new WebhookService.Event(e.householdId(), e.type(), e.id(), write(e))).toList());
        }
        reading.done(stretch);
        return stretch;
    }

    private List<WebhookEvent> read(List<UUID> households, Stretch stretch) {
        List<WebhookEvent> events = new ArrayList<>();
        List<Alert> alerts = Alert.list("householdId in ?1 and ((createdAt > ?2 and createdAt <= ?3)"
                + " or (statusChangedAt > ?2 and statusChangedAt <= ?3))", households, stretch.from(), stretch.to());
        for (Alert alert : alerts) {
            AlertDto dto = alertViews.toDto(alert);
            if (within(alert.createdAt, stretch)) {
                events.add(new WebhookEvent("alert/" + alert.id + "/raised", WebhookEventType.ALERT_RAISED.wireName(),
                        alert.createdAt, alert.householdId, dto));
            }
            if (alert.statusChangedAt != null && within(alert.statusChangedAt, stretch)
                    && !alert.statusChangedAt.equals(alert.createdAt)) {
                events.add(new WebhookEvent("alert/" + alert.id + "/" + alert.status + "/" + alert.statusChangedAt,
                        WebhookEventType.ALERT_STATUS_CHANGED.wireName(), alert.statusChangedAt, alert.householdId,
                        dto));
            }
        }
        List<EnforcementAction> actions = EnforcementAction.list("householdId in ?1 and updatedAt > ?2"
                + " and updatedAt <= ?3", households, stretch.from(), stretch.to());
        for (EnforcementAction action : actions) {
            events.add(new WebhookEvent("action/" + action.id + "/" + action.state + "/" + action.updatedAt,
                    WebhookEventType.ACTION_STATE_CHANGED.wireName(), action.updatedAt, action.householdId,
                    ActionDto.of(action)));
        }
        return events;
    }

    private static boolean within(Instant at, Stretch stretch) {
        return at.isAfter(stretch.from()) && !at.isAfter(stretch.to());
    }

    private String write(WebhookEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook event cannot be written as JSON", e);
        }
    }
}
