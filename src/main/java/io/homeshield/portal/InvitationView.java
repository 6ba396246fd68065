package io.homeshield.portal;

import io.homeshield.household.HouseholdInvitation;
import io.homeshield.household.MemberRole;

/** An invitation waiting for the signed-in person, with the name of the household it is to. */
public record InvitationView(HouseholdInvitation invitation, String householdName) {

    public MemberRole role() {
        return invitation.role;
    }
}
