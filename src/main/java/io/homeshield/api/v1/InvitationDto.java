package io.homeshield.api.v1;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.household.HouseholdInvitation;
import io.homeshield.household.MemberRole;

/** An invitation to join the household, waiting for the invitee to sign in and accept it in the portal. */
@Schema(name = "Invitation")
public record InvitationDto(
        UUID id,
        @Schema(description = "The e-mail address or sign-in name invited", examples = "kim@example.org") String invitee,
        MemberRole role,
        Instant createdAt) {

    static InvitationDto of(HouseholdInvitation invitation) {
        return new InvitationDto(invitation.id, invitation.invitee, invitation.role, invitation.createdAt);
    }
}
