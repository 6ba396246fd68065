package io.homeshield.enforcement;

import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.alert.Alert;
import io.homeshield.alert.Severity;
import io.homeshield.audit.Actor;
import io.homeshield.household.Household;

/**
 * For households that opted in: a high or critical alert quarantines its device at once, through
 * the same path a person's quarantine takes, recorded as the household's automatic rule.
 */
@ApplicationScoped
public class AutoQuarantine {

    static final Actor RULE = new Actor("auto-quarantine", "rule");

    /** The alert severities that quarantine a device of a household that opted in. */
    public static final Set<Severity> TRIGGERS = Collections.unmodifiableSet(EnumSet.of(Severity.HIGH,
            Severity.CRITICAL));

    private final QuarantineService quarantines;

    AutoQuarantine(QuarantineService quarantines) {
        this.quarantines = quarantines;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onAlertsOpened(List<Alert> opened) {
        Set<UUID> done = new HashSet<>();
        for (Alert alert : opened) {
            // An alert about the router's own settings has no device to quarantine.
            if (!TRIGGERS.contains(alert.severity) || alert.deviceId == null || !done.add(alert.deviceId)) {
                continue;
            }
            Household household = Household.findById(alert.householdId);
            if (household.autoQuarantine && DeviceQuarantine.findById(alert.deviceId) == null) {
                quarantines.quarantine(household.householdId(), alert.deviceId, QuarantineLevel.FULL, null, RULE,
                        "Automatic: " + alert.alertType().title().toLowerCase() + " (" + alert.indicator + ")", null);
            }
        }
    }
}
