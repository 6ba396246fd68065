package io.homeshield.portal;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdInvitation;
import io.homeshield.household.HouseholdQueries;
import io.homeshield.household.MemberService;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The household at a glance. A sign-in without a household sees the invitations waiting for it
 * (and accepts one here), or a friendly explanation.
 */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
class DashboardPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(DashboardView view);

        static native TemplateInstance noHousehold(List<InvitationView> invitations);
    }

    private final CurrentHousehold current;
    private final PortalViews views;
    private final MemberService members;
    private final HouseholdQueries households;
    private final SignedInPerson person;

    DashboardPage(CurrentHousehold current, PortalViews views, MemberService members, SignedInPerson person,
            HouseholdQueries households) {
        this.households = households;
        this.current = current;
        this.views = views;
        this.members = members;
        this.person = person;
    }

    @GET
    public TemplateInstance dashboard() {
        if (current.membership().isEmpty()) {
            List<InvitationView> invitations = members.pendingFor(person.asInvitee()).stream()
                    .map(i -> view(i, null)).toList();
            return Templates.noHousehold(invitations);
        }
        return overview();
    }

    /** Where an invitation's link leads: the invitation, to accept with the link's token. */
    @GET
    @Path("invitations/{id}")
    public TemplateInstance invitation(@RestPath UUID id, @RestQuery String token) {
        if (current.membership().isPresent()) {
            return overview();
        }
        HouseholdInvitation invitation = members.byLink(id, token).orElseThrow(() -> new ProblemException(
                ProblemType.NOT_FOUND, "This invitation was not found: it was accepted, withdrawn, or the link is"
                        + " incomplete."));
        return Templates.noHousehold(List.of(view(invitation, token)));
    }

    @POST
    @Path("invitations/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@RestPath UUID id, @RestForm String token) {
        members.accept(id, person.asInvitee(), token);
        return Response.seeOther(URI.create("/portal")).build();
    }

    private TemplateInstance overview() {
        return Templates.dashboard(views.dashboard(current.require(),
                current.membership().orElseThrow().role.canAct()));
    }

    private InvitationView view(HouseholdInvitation invitation, String token) {
        return new InvitationView(invitation, households.household(invitation.householdId).orElseThrow().displayName,
                token);
    }
}
