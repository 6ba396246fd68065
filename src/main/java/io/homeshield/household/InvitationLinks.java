package io.homeshield.household;

import java.net.URI;

import jakarta.ws.rs.core.UriInfo;

/** The link an invitee follows to accept an invitation: the portal's invitation page with the link's token. */
public final class InvitationLinks {

    private InvitationLinks() {
    }

    /** The link of an invitation just issued (its token is known only then). */
    public static URI of(UriInfo uri, HouseholdInvitation issued) {
        if (issued.linkToken == null) {
            throw new IllegalStateException("An invitation's link is known only when it is issued");
        }
        return uri.getBaseUriBuilder().path("portal/invitations/{id}").queryParam("token", issued.linkToken)
                .build(issued.id);
    }
}
