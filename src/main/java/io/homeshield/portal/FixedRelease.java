package io.homeshield.portal;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertLifecycle;
import io.homeshield.alert.AlertQueries;
import io.homeshield.audit.Actor;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.household.HouseholdId;

/**
 * Ends a quarantine the way the portal asks for it: "is the problem fixed?" Yes releases the device
 * and resolves its alerts in one transaction; no only releases it, and its alerts stay open.
 */
@ApplicationScoped
class FixedRelease {

    private static final int ALERTS = 100;

    private final QuarantineService quarantines;
    private final AlertQueries alerts;
    private final AlertLifecycle lifecycle;

    FixedRelease(QuarantineService quarantines, AlertQueries alerts, AlertLifecycle lifecycle) {
        this.quarantines = quarantines;
        this.alerts = alerts;
        this.lifecycle = lifecycle;
    }

    /** Returns how many alerts were resolved. */
    @Transactional
    int release(HouseholdId household, UUID deviceId, boolean fixed, Actor actor, String requestKey) {
        quarantines.release(household, deviceId, actor, null, requestKey);
        if (!fixed) {
            return 0;
        }
        int resolved = 0;
        for (Alert alert : alerts.forDevice(household, deviceId, ALERTS)) {
            if (alert.status.isActive()) {
                lifecycle.resolve(household, alert.id, actor, null);
                resolved++;
            }
        }
        return resolved;
    }
}
