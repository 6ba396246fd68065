package io.homeshield.portal;

import java.util.List;

import io.homeshield.household.Household;
import io.homeshield.household.HouseholdInvitation;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.MemberRole;
import io.homeshield.household.NotifyLevel;

/**
 * The household's settings and members as the signed-in member ({@code me}) sees them; right after an
 * invitation, its link to send to the invitee (shown this once).
 */
public record SettingsView(Household household, HouseholdMember me, List<HouseholdMember> members,
        List<HouseholdInvitation> invitations, String notice, HouseholdInvitation issued, String issuedLink) {

    public boolean canAct() {
        return me.role.canAct();
    }

    /** Only the owner downloads the household's data. */
    public boolean owner() {
        return me.role == MemberRole.OWNER;
    }

    public List<NotifyLevel> notifyLevels() {
        return List.of(NotifyLevel.values());
    }

    public List<MemberRole> invitableRoles() {
        return List.of(MemberRole.CO_ADMIN, MemberRole.MEMBER);
    }
}
