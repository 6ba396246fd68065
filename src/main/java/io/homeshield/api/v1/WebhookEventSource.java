package io.homeshield.api.v1;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertQueries;
import io.homeshield.enforcement.ActionQueries;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.webhook.WebhookEventType;
import io.homeshield.webhook.Webhooks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Turns what changed in households with webhooks (alerts raised or moved on, actions moved on) into
 * webhook events, with the same records the API answers. It reads the database, like the portal's
 * live updates, so it never sits in the telemetry pipeline's way; an event read twice (by the
 * overlap, or by another instance) is delivered once.
 */
@ApplicationScoped
class WebhookEventSource {

    /** Reads overlap by this much, so a change committed a little after its timestamp is not missed. */
    private static final Duration OVERLAP = Duration.ofSeconds(5);

    /** The body of every webhook post. */
    record WebhookEvent(String id, String type, Instant occurredAt, UUID householdId, Object data) {
    }

    private final Webhooks webhooks;
    private final AlertQueries alerts;
    private final ActionQueries actions;
    private final AlertViews alertViews;
    private final ObjectMapper json;
    private final Clock clock;
    private Instant lastRead;

    WebhookEventSource(Webhooks webhooks, AlertQueries alerts, ActionQueries actions, AlertViews alertViews,
            ObjectMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.alerts = alerts;
        this.actions = actions;
        this.alertViews = alertViews;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(every = "${homeshield.webhooks.poll-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        Instant now = clock.instant();
        Instant since = (lastRead == null ? now : lastRead).minus(OVERLAP);
        List<WebhookEvent> events = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> households = webhooks.householdsWithWebhooks();
            return households.isEmpty() ? List.<WebhookEvent>of() : read(households, since);
        });
        lastRead = now;
        for (WebhookEvent event : events) {
            webhooks.enqueue(event.householdId(), event.type(), event.id(), write(event));
        }
    }

    private List<WebhookEvent> read(List<UUID> households, Instant since) {
        List<WebhookEvent> events = new ArrayList<>();
        for (Alert alert : alerts.changedSince(households, since)) {
            AlertDto dto = alertViews.toDto(alert);
            if (alert.createdAt.isAfter(since)) {
                events.add(new WebhookEvent("alert/" + alert.id + "/raised", WebhookEventType.ALERT_RAISED.wireName(),
                        alert.createdAt, alert.householdId, dto));
            }
            if (alert.statusChangedAt != null && alert.statusChangedAt.isAfter(since)
                    && !alert.statusChangedAt.equals(alert.createdAt)) {
                events.add(new WebhookEvent("alert/" + alert.id + "/" + alert.status + "/" + alert.statusChangedAt,
                        WebhookEventType.ALERT_STATUS_CHANGED.wireName(), alert.statusChangedAt, alert.householdId,
                        dto));
            }
        }
        for (EnforcementAction action : actions.changedSince(households, since)) {
            events.add(new WebhookEvent("action/" + action.id + "/" + action.state + "/" + action.updatedAt,
                    WebhookEventType.ACTION_STATE_CHANGED.wireName(), action.updatedAt, action.householdId,
                    ActionDto.of(action)));
        }
        return events;
    }

    private String write(WebhookEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A webhook event cannot be written as JSON", e);
        }
    }
}
