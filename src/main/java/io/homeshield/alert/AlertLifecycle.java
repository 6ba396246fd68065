package io.homeshield.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.inventory.Device;

/**
 * Moves a household's alerts along: acknowledged, resolved, or "not a threat" — the household's
 * feedback, which keeps the same pattern on that device quiet and goes to the analysts' review.
 */
@ApplicationScoped
public class AlertLifecycle {

    private final AlertQueries alerts;
    private final AuditLog audit;
    private final Clock clock;

    AlertLifecycle(AlertQueries alerts, AuditLog audit, Clock clock) {
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Alert acknowledge(HouseholdId household, UUID alertId, Actor actor) {
        Alert alert = find(household, alertId);
        if (alert.status != AlertStatus.OPEN) {
            return alert;
        }
        return move(alert, AlertStatus.ACKNOWLEDGED, actor, null);
    }

    /** What feedback on an alert about the router itself names as the device type. */
    static final String ROUTER = "ROUTER";

    @Transactional
    public Alert resolve(HouseholdId household, UUID alertId, Actor actor, String reason) {
        Alert alert = find(household, alertId);
        if (!alert.status.isActive()) {
            throw new ProblemException(ProblemType.CONFLICT, "This alert is already " + label(alert.status) + ".");
        }
        return move(alert, AlertStatus.RESOLVED, actor, reason);
    }

    /** The household says it is harmless: stays quiet for this device, and analysts get to review it. */
    @Transactional
    public Alert markNotAThreat(HouseholdId household, UUID alertId, Actor actor, String comment) {
        Alert alert = find(household, alertId);
        if (alert.status == AlertStatus.NOT_A_THREAT) {
            return alert;
        }
        Device device = alert.deviceId == null ? null : Device.findById(alert.deviceId);
        AlertFeedback feedback = new AlertFeedback();
        feedback.id = UUID.randomUUID();
        feedback.alertId = alert.id;
        feedback.householdId = alert.householdId;
        feedback.alertType = alert.type;
        feedback.indicator = alert.indicator;
        feedback.deviceVendor = device == null ? null : device.vendor;
        feedback.deviceType = device == null ? ROUTER : device.type.name();
        feedback.comment = comment == null || comment.isBlank() ? null : comment.strip();
        feedback.givenBy = actor.id();
        feedback.givenAt = clock.instant();
        feedback.reviewState = ReviewState.PENDING;
        feedback.persist();
        return move(alert, AlertStatus.NOT_A_THREAT, actor, feedback.comment);
    }

    /** The household trusts the device: each of its active alerts is marked not a threat, with the same comment. */
    @Transactional
    public int markDeviceNotAThreat(HouseholdId household, UUID deviceId, Actor actor, String comment) {
        if (Device.count("id = ?1 and householdId = ?2", deviceId, household.value()) == 0) {
            throw ProblemException.notFound("Device");
        }
        int marked = 0;
        for (Alert alert : alerts.forDevice(household, deviceId)) {
            if (alert.status.isActive()) {
                markNotAThreat(household, alert.id, actor, comment);
                marked++;
            }
        }
        return marked;
    }

    private Alert move(Alert alert, AlertStatus to, Actor actor, String reason) {
        Instant now = clock.instant();
        alert.status = to;
        alert.statusChangedAt = now;
        alert.statusChangedBy = actor.id();
        audit.append(new AuditRecord(actor.id(), actor.role(), alert.householdId, "alert."
                + to.name().toLowerCase(Locale.ROOT),
                alert.alertType().title() + ": " + alert.indicator, reason, "done"));
        return alert;
    }

    private Alert find(HouseholdId household, UUID alertId) {
        return alerts.find(household, alertId).orElseThrow(() -> ProblemException.notFound("Alert"));
    }

    private static String label(AlertStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
