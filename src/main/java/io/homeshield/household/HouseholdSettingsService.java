package io.homeshield.household;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;

/** Settings of the whole household, changed by its owner or a co-admin and recorded in the audit log. */
@ApplicationScoped
public class HouseholdSettingsService {

    private final AuditLog audit;

    HouseholdSettingsService(AuditLog audit) {
        this.audit = audit;
    }

    /**
     * Locks the household's row for the rest of the caller's transaction, so that two changes made from
     * the same view of its settings cannot both win.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForChange(UUID household) {
        Household.findById(household, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Lets HomeShield quarantine a device at once when a serious alert opens on it. */
    @Transactional
    public void setAutoQuarantine(HouseholdMember by, boolean on) {
        if (!by.role.canAct()) {
            throw new MemberMayNotActException();
        }
        Household household = Household.findById(by.householdId);
        if (household.autoQuarantine == on) {
            return;
        }
        household.autoQuarantine = on;
        audit.append(new AuditRecord(by.subject, "subscriber", by.householdId,
                on ? "household.auto-quarantine-on" : "household.auto-quarantine-off", null, null, "done"));
    }
}
