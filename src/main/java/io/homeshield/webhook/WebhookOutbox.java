package io.homeshield.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The sender's short transactions: claim due deliveries (rows locked with SKIP LOCKED and leased,
 * so several instances never send the same one at once), and record each attempt's outcome.
 */
@ApplicationScoped
class WebhookOutbox {

    /** {@code jakarta.persistence.lock.timeout} value Hibernate renders as SKIP LOCKED. */
    private static final int SKIP_LOCKED = -2;
    private static final int MAX_ERROR = 500;

    /** A delivery on its way, with what signing and sending it needs. */
    record Outgoing(UUID deliveryId, String url, String secret, String eventType, String payload, int attempt) {
    }

    private final WebhookConfig config;
    private final Clock clock;

    WebhookOutbox(WebhookConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<Outgoing> claimDue(int limit) {
        Instant now = clock.instant();
        List<WebhookDelivery> due = WebhookDelivery.<WebhookDelivery>find(
                "state = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt", WebhookDelivery.State.PENDING, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", SKIP_LOCKED)
                .page(0, limit).list();
        return due.stream().map(delivery -> {
            Webhook webhook = Webhook.findById(delivery.webhookId);
            delivery.attempts++;
            delivery.nextAttemptAt = now.plus(config.lease());
            return new Outgoing(delivery.id, webhook.url, webhook.secret, delivery.eventType, delivery.payload,
                    delivery.attempts);
        }).toList();
    }

    /** Logs the attempt; a 2xx answer delivers, anything else is retried with backoff until attempts run out. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void record(Outgoing sent, Integer status, String error, Duration took) {
        WebhookDelivery delivery = WebhookDelivery.findById(sent.deliveryId());
        if (delivery == null) {
            return; // the webhook was removed meanwhile
        }
        Instant now = clock.instant();
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attemptedAt = now.minus(took);
        attempt.status = status;
        attempt.error = shorten(error);
        attempt.durationMs = (int) Math.min(Integer.MAX_VALUE, took.toMillis());
        attempt.persist();
        delivery.lastStatus = status;
        delivery.lastError = attempt.error;
        if (status != null && status >= 200 && status < 300) {
            delivery.state = WebhookDelivery.State.DELIVERED;
            delivery.deliveredAt = now;
        } else if (delivery.attempts >= config.maxAttempts()) {
            delivery.state = WebhookDelivery.State.FAILED;
        } else {
            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
        }
    }

    /** Puts a claimed delivery back as it was, due again after the first backoff: it was not sent. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void postpone(Outgoing claimed) {
        WebhookDelivery delivery = WebhookDelivery.findById(claimed.deliveryId());
        if (delivery != null && delivery.state == WebhookDelivery.State.PENDING) {
            delivery.attempts = Math.max(0, delivery.attempts - 1);
            delivery.nextAttemptAt = clock.instant().plus(config.backoff());
        }
    }

    Duration backoff(int attempts) {
        Duration wait = config.backoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
