package io.homeshield.portal;

import io.homeshield.household.HouseholdInvitation;
import io.homeshield.household.MemberRole;

/**
 * An invitation waiting for the signed-in person, with the name of the household it is to, and the
 * link's token when the person came by the invitation's link.
 */
public record InvitationView(HouseholdInvitation invitation, String householdName, String linkToken) {

    public MemberRole role() {
        return invitation.role;
    }
}
