package io.homeshield.enforcement;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.homeshield.inventory.RouterScopedEntity;

/** Outbox row: an instruction for a router, stored in the transaction that changed the desired state. */
@Entity
@Table(name = "enforcement_action")
public class EnforcementAction extends RouterScopedEntity {

    @Column(name = "device_id")
    public UUID deviceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    public ActionKind kind;

    @Column(name = "target_mac", length = 17)
    public String targetMac;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ActionState state;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error", length = 500)
    public String lastError;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "idempotency_key", length = 100)
    public String idempotencyKey;

    /** When the router (or its management system) confirmed the change. */
    @Column(name = "applied_at")
    public Instant appliedAt;

    /** The application instance that last claimed the action. */
    @Column(name = "dispatched_by", length = 100)
    public String dispatchedBy;

    /** What a router-wide command carries: parameter values, or a firmware image (see {@link ParameterValues}). */
    @Column(length = 4000)
    public String parameters;

    /** Stores a new action for a device, due now. */
    static EnforcementAction requestFor(UUID householdId, UUID routerId, UUID deviceId, String mac, ActionKind kind,
            String requestedBy, String idempotencyKey, Instant now) {
        EnforcementAction action = new EnforcementAction();
        action.id = UUID.randomUUID();
        action.householdId = householdId;
        action.routerId = routerId;
        action.deviceId = deviceId;
        action.kind = kind;
        action.targetMac = mac;
        action.state = ActionState.REQUESTED;
        action.attempts = 0;
        action.nextAttemptAt = now;
        action.requestedBy = requestedBy;
        action.requestedAt = now;
        action.updatedAt = now;
        action.idempotencyKey = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        action.persist();
        return action;
    }
}
