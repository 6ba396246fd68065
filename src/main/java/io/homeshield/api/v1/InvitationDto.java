package io.homeshield.api.v1;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.homeshield.household.HouseholdInvitation;
import io.homeshield.household.MemberRole;

/**
 * An invitation to join the household, waiting for the invitee to accept it in the portal: signed in
 * with the invited sign-in name or a verified e-mail address, or through the invitation's link.
 */
@Schema(name = "Invitation")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvitationDto(
        UUID id,
        @Schema(description = "The e-mail address or sign-in name invited",
                examples = "kim@example.org") String invitee,
        MemberRole role,
        Instant createdAt,
        @Schema(description = "The link to send to the invitee: whoever opens it may join, so send it to the invited"
                + " address only. Only in the answer to the invitation, never again (not even to a retry with the"
                + " same Idempotency-Key)", nullable = true,
                examples = "https://homeshield.example.net/portal/invitations/7b0e4b9e-3c1f-4a57-9a43-5c0d9e1f2a3b"
                        + "?token=q3Jm0Xo2ZkN1bW9yZS1yYW5kb20tYnl0ZXM")
        URI acceptLink) implements ShownOnce {

    static InvitationDto of(HouseholdInvitation invitation) {
        return new InvitationDto(invitation.id, invitation.invitee, invitation.role, invitation.createdAt, null);
    }

    static InvitationDto issued(HouseholdInvitation invitation, URI acceptLink) {
        return new InvitationDto(invitation.id, invitation.invitee, invitation.role, invitation.createdAt, acceptLink);
    }

    @Override
    public InvitationDto withoutSecret() {
        return new InvitationDto(id, invitee, role, createdAt, null);
    }
}
