package io.homeshield.activity;

import java.time.Instant;
import java.util.UUID;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertType;
import io.homeshield.alert.Severity;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;

/**
 * Something that changed in a household and that open pages should show: an action moved on, or
 * an alert opened or changed status, {@code at} the time it happened. Carries no personal data beyond
 * what the household's pages show.
 */
public record HouseholdChange(UUID household, String kind, UUID id, UUID deviceId, String state, ActionKind actionKind,
        AlertType alertType, boolean serious, String key, Instant at) {

    static HouseholdChange of(EnforcementAction action) {
        return new HouseholdChange(action.householdId, "action", action.id, action.deviceId, action.state.name(),
                action.kind, null, false, action.id + "/" + action.state + "/" + action.updatedAt, action.updatedAt);
    }

    static HouseholdChange of(Alert alert) {
        AlertType type = AlertType.named(alert.type);
        boolean serious = alert.severity.ordinal() >= Severity.HIGH.ordinal();
        Instant at = alert.statusChangedAt != null && alert.statusChangedAt.isAfter(alert.createdAt)
                ? alert.statusChangedAt : alert.createdAt;
        return new HouseholdChange(alert.householdId, "alert", alert.id, alert.deviceId, alert.status.name(), null,
                type, serious, alert.id + "/" + alert.status + "/" + alert.statusChangedAt, at);
    }

    /**
     * The change's event id, the same whenever and wherever it is read: when it happened (in
     * microseconds, as stored), what changed and its state then. {@link ChangePosition} reads it back.
     */
    public String eventId() {
        return ChangePosition.micros(at) + "." + kind + "." + id + "." + state;
    }

    public boolean actionSettled() {
        return "action".equals(kind) && ActionState.valueOf(state).isFinal();
    }

    public boolean alertOpened() {
        return "alert".equals(kind) && "OPEN".equals(state);
    }
}
