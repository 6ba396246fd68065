package io.homeshield.telemetry;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A validated batch that could not be applied after its retries, kept as it was sent. */
@Entity
@Table(name = "telemetry_dead_letter")
public class TelemetryDeadLetter extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "router_id", nullable = false)
    public UUID routerId;

    @Column(name = "household_id")
    public UUID householdId;

    @Column(nullable = false)
    public long sequence;

    @Column(name = "event_count", nullable = false)
    public int eventCount;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(nullable = false)
    public int attempts;

    @Column(nullable = false, length = 2000)
    public String reason;

    /** The batch as JSON, in the wire format a router posts. */
    @Column(nullable = false, columnDefinition = "text")
    public String batch;

    @Column(name = "replayed_at")
    public Instant replayedAt;

    @Column(name = "replayed_by")
    public String replayedBy;

    @Column(name = "replay_reason", length = 500)
    public String replayReason;

    @Column(name = "replay_outcome", length = 2000)
    public String replayOutcome;

    public boolean replayed() {
        return replayedAt != null && replayOutcome != null && replayOutcome.startsWith("applied");
    }
}
