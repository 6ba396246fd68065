package io.homeshield.api.v1;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.household.MemberRole;
import io.homeshield.infra.json.ClosedShape;

/** Whom to invite, and as what. */
@ClosedShape
@Schema(name = "InvitationRequest")
public record InvitationRequest(
        @Schema(description = "An e-mail address or sign-in name", examples = "kim@example.org", required = true)
        String invitee,
        @Schema(description = "CO_ADMIN or MEMBER (default MEMBER)", enumeration = { "CO_ADMIN", "MEMBER" },
                defaultValue = "MEMBER") String role) {

    MemberRole memberRole() {
        return ApiProblems.oneOf(MemberRole.class, "role", role).orElse(MemberRole.MEMBER);
    }
}
