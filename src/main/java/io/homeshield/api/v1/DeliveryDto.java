package io.homeshield.api.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.webhook.WebhookAttempt;
import io.homeshield.webhook.WebhookDelivery;

/** One event's delivery to a webhook, with each attempt. */
@Schema(name = "Delivery")
public record DeliveryDto(
        UUID id,
        @Schema(description = "The event's id, the same in every retry; receivers use it to ignore duplicates")
        String eventId,
        @Schema(examples = "action.state-changed") String eventType,
        @Schema(description = "PENDING (waiting for its next attempt), DELIVERED (a 2xx answer) or FAILED (attempts"
                + " used up)") WebhookDelivery.State state,
        int attempts,
        @Schema(nullable = true) Integer lastStatus,
        @Schema(nullable = true) String lastError,
        Instant createdAt,
        @Schema(nullable = true) Instant deliveredAt,
        List<Attempt> log) {

    /** One try: the receiver's status, or why there was none. */
    @Schema(name = "DeliveryAttempt")
    public record Attempt(Instant at, @Schema(nullable = true) Integer status,
            @Schema(nullable = true, examples = "No answer in time") String error, long durationMillis) {

        static Attempt of(WebhookAttempt attempt) {
            return new Attempt(attempt.attemptedAt, attempt.status, attempt.error, attempt.durationMs);
        }
    }

    static DeliveryDto of(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
        return new DeliveryDto(delivery.id, delivery.eventId, delivery.eventType, delivery.state, delivery.attempts,
                delivery.lastStatus, delivery.lastError, delivery.createdAt, delivery.deliveredAt,
                attempts.stream().map(Attempt::of).toList());
    }
}
