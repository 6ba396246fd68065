package io.homeshield.lifecycle;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Every data class with a retention, in the order their rows may be deleted (dependants first). */
@ApplicationScoped
class RetentionRules {

    private final RetentionConfig config;

    RetentionRules(RetentionConfig config) {
        this.config = config;
    }

    List<RetentionRule> all() {
        return List.of(
                new RetentionRule("telemetry-receipts", "telemetry_receipt", "router_id, sequence", "received_at < ?",
                        false, config.telemetryReceipts()),
                new RetentionRule("hourly-rollups", "device_activity", "device_id, bucket_start", "bucket_start < ?",
                        false, config.hourlyRollups()),
                new RetentionRule("daily-rollups", "device_destination", "device_id, activity_day, destination",
                        "activity_day < ?", true, config.dailyRollups()),
                new RetentionRule("blocked-lookups", "blocked_lookup_day", "household_id, lookup_day",
                        "lookup_day < ?", true, config.dailyRollups()),
                new RetentionRule("alert-feedback", "alert_feedback", "id",
                        "alert_id in (select id from alert where last_seen < ?)", false, config.alerts()),
                new RetentionRule("alerts", "alert", "id", "last_seen < ?", false, config.alerts()),
                new RetentionRule("actions", "enforcement_action", "id",
                        "updated_at < ? and state in ('APPLIED', 'VERIFIED', 'FAILED')", false, config.actions()),
                new RetentionRule("webhook-deliveries", "webhook_delivery", "id",
                        "created_at < ? and state <> 'PENDING'",
                        false, config.webhookDeliveries()),
                new RetentionRule("idempotency-keys", "api_idempotency", "household_id, idempotency_key",
                        "created_at < ?", false, config.idempotencyKeys()),
                new RetentionRule("dead-letters", "telemetry_dead_letter", "id", "received_at < ?", false,
                        config.deadLetters()),
                new RetentionRule("prepared-archives", "export_job", "id", "expires_at < ?", false, Duration.ZERO),
                // their content and facts go with them (on delete cascade)
                new RetentionRule("evidence", "evidence_snapshot", "id", "collected_at < ?", false, config.evidence()));
    }
}
