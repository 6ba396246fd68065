package io.homeshield.admin;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.audit.Actor;
import io.homeshield.enforcement.BlockedDomainService;
import io.homeshield.enforcement.DesiredStateResend;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.net.DomainName;

/**
 * Support acting for a household. There is no way in without a {@link StaffReason}; each act goes
 * through the same services as the subscriber's own, so it is scoped to the household (another
 * household's device is not found), carried to the router the same way, and audited with the
 * staff member, their role, the household and the reason.
 */
@ApplicationScoped
class OnBehalfActions {

    private final QuarantineService quarantines;
    private final BlockedDomainService blocks;
    private final DesiredStateResend resend;

    OnBehalfActions(QuarantineService quarantines, BlockedDomainService blocks, DesiredStateResend resend) {
        this.quarantines = quarantines;
        this.blocks = blocks;
        this.resend = resend;
    }

    void quarantine(UUID household, UUID deviceId, StaffQuarantineDuration howLong, Actor staff, StaffReason reason) {
        quarantines.quarantine(existing(household), deviceId, QuarantineLevel.FULL, howLong.duration(), staff,
                reason.value(), null);
    }

    void release(UUID household, UUID deviceId, Actor staff, StaffReason reason) {
        quarantines.release(existing(household), deviceId, staff, reason.value(), null);
    }

    void block(UUID household, DomainName domain, Actor staff, StaffReason reason) {
        blocks.block(existing(household), domain, null, staff, reason.value());
    }

    int resend(UUID household, Actor staff, StaffReason reason) {
        return resend.resend(existing(household), staff, reason.value());
    }

    private static HouseholdId existing(UUID household) {
        if (Household.count("id", household) == 0) {
            throw ProblemException.notFound("Household");
        }
        return new HouseholdId(household);
    }
}
