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
        List<HouseholdInvitation> invitations, String notice, HouseholdInvitation issued, String issuedLink,
        FormEcho inviteEcho, MemberRole inviteRole) {

    public SettingsView(Household household, HouseholdMember me, List<HouseholdMember> members,
            List<HouseholdInvitation> invitations, String notice, HouseholdInvitation issued, String issuedLink) {
        this(household, me, members, invitations, notice, issued, issuedLink, null, MemberRole.MEMBER);
    }

    /** The same page after an invitation was refused: what was typed, the role chosen, and why. */
    SettingsView refusingInvitation(FormEcho refused, MemberRole chosen) {
        return new SettingsView(household, me, members, invitations, null, null, null, refused, chosen);
    }

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

    /** The least powerful role first: an invitation is for a member unless the owner chooses more. */
    public List<MemberRole> invitableRoles() {
        return List.of(MemberRole.MEMBER, MemberRole.CO_ADMIN);
    }
}
