package io.homeshield.api.v1;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.homeshield.webhook.Webhook;

/** A webhook of the household. The secret is answered once, when it is registered. */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDto(
        UUID id,
        @Schema(examples = "https://hub.example.org/homeshield") String url,
        @Schema(description = "alert.raised, alert.status-changed, action.state-changed") List<String> eventTypes,
        Instant createdAt,
        @Schema(description = "The HMAC-SHA256 key of the HomeShield-Signature header; only in the answer to the"
                + " registration, never again (not even to a retry with the same Idempotency-Key)", nullable = true)
        String secret) implements ShownOnce {

    @Override
    public WebhookDto withoutSecret() {
        return new WebhookDto(id, url, eventTypes, createdAt, null);
    }

    static WebhookDto of(Webhook webhook) {
        return new WebhookDto(webhook.id, webhook.url, webhook.eventTypeList(), webhook.createdAt, null);
    }

    static WebhookDto withSecret(Webhook webhook) {
        return new WebhookDto(webhook.id, webhook.url, webhook.eventTypeList(), webhook.createdAt, webhook.secret);
    }
}
