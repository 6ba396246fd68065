package io.homeshield.alert;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.homeshield.inventory.RouterScopedEntity;

/**
 * Something suspicious a device did, or that happened to the router itself, with the evidence to
 * explain it. One alert per device (or router), type and dedup key: a repeat sighting raises
 * {@link #occurrences} and {@link #lastSeen}.
 */
@Entity
@Table(name = "alert")
public class Alert extends RouterScopedEntity {

    /** The device it concerns; null for an alert about the router itself (its settings). */
    @Column(name = "device_id")
    public UUID deviceId;

    @Column(nullable = false, length = 40)
    public String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public AlertStatus status;

    @Column(name = "dedup_key", nullable = false, length = 300)
    public String dedupKey;

    /** The destination or pattern that matched, as a person would read it. */
    @Column(nullable = false, length = 300)
    public String indicator;

    /** Evidence as a JSON object whose keys the alert type declares. */
    @Column(nullable = false, columnDefinition = "text")
    public String evidence;

    @Column(nullable = false)
    public long occurrences;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Column(name = "status_changed_by")
    public String statusChangedBy;

    /** Whether the router's own telemetry (HTTP or MQTT) showed this alert's pattern. */
    @Column(name = "seen_in_router_telemetry", nullable = false)
    public boolean seenInRouterTelemetry = true;

    /** Whether exported flow records (UDP, forgeable) showed this alert's pattern. */
    @Column(name = "seen_in_flow_export", nullable = false)
    public boolean seenInFlowExport;

    /** Whether only exported flows, not the router's own telemetry, showed it. */
    public boolean onlyFromFlowExport() {
        return !seenInRouterTelemetry;
    }

    public AlertType alertType() {
        return AlertType.valueOf(type);
    }
}
