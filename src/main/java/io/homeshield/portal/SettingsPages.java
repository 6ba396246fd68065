package io.homeshield.portal;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdInvitation;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.HouseholdQueries;
import io.homeshield.household.HouseholdSettingsService;
import io.homeshield.household.InvitationLinks;
import io.homeshield.household.MemberRole;
import io.homeshield.household.MemberService;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.lifecycle.HouseholdExport;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The household's settings: automatic quarantine, each member's notifications, members and
 * invitations. Every member may look and choose their own notifications; only the owner and
 * co-admins change the rest.
 */
@Path("/portal/settings")
@Produces(MediaType.TEXT_HTML)
class SettingsPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(SettingsView view);
    }

    private final CurrentHousehold current;
    private final HouseholdSettingsService settings;
    private final MemberService members;
    private final HouseholdQueries households;
    private final HouseholdExport export;

    SettingsPages(CurrentHousehold current, HouseholdSettingsService settings, MemberService members,
            HouseholdExport export, HouseholdQueries households) {
        this.households = households;
        this.current = current;
        this.settings = settings;
        this.members = members;
        this.export = export;
    }

    @GET
    public TemplateInstance settings(@RestQuery String done) {
        HouseholdId household = current.require();
        HouseholdMember me = current.membership().orElseThrow();
        return Templates.settings(view(household, me, Notices.of(done), null, null));
    }

    private SettingsView view(HouseholdId household, HouseholdMember me, String notice, HouseholdInvitation issued,
            String issuedLink) {
        return new SettingsView(households.household(household.value()).orElse(null), me,
                HouseholdMember.listOf(household),
                members.pendingIn(household), notice, issued, issuedLink);
    }

    @GET
    @Path("export")
    @Produces(MediaType.APPLICATION_JSON)
    public Response export() {
        return export.downloadFor(current);
    }

    @POST
    @Path("protection")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response protection(@RestForm String autoQuarantine) {
        current.requireCanAct();
        settings.setAutoQuarantine(me(), "on".equals(autoQuarantine));
        return Notices.redirect("/portal/settings", "saved");
    }

    @POST
    @Path("notifications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response notifications(@RestForm String level) {
        members.setNotifyLevel(me(), FormValues.notifyLevel(level));
        return Notices.redirect("/portal/settings", "saved");
    }

    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@RestForm String invitee, @RestForm String role, @Context UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        MemberRole chosen = FormValues.invitableRole(role);
        HouseholdInvitation invitation;
        try {
            invitation = members.invite(me(), invitee, chosen);
        } catch (ProblemException refused) {
            // the page again, with what was typed and why beside the field
            SettingsView page = view(household, me(), null, null, null)
                    .refusingInvitation(FormEcho.of(refused, "invitee", invitee), chosen);
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.settings(page)).build();
        }
        // answered with the page, not a redirect: the link is shown this once and travels in no URL
        return Response.ok(Templates.settings(view(household, me(), "invited", invitation,
                InvitationLinks.of(uri, invitation).toString()))).build();
    }

    @POST
    @Path("invitations/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@RestPath UUID id) {
        current.requireCanAct();
        members.cancel(me(), id);
        return Notices.redirect("/portal/settings", "invitationCancelled");
    }

    @POST
    @Path("members/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response remove(@RestPath UUID id) {
        current.requireCanAct();
        members.remove(me(), id);
        return Notices.redirect("/portal/settings", "removed");
    }

    private HouseholdMember me() {
        return current.membership().orElseThrow();
    }
}
