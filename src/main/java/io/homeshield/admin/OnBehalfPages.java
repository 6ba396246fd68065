package io.homeshield.admin;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;

import io.homeshield.audit.Actor;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdQueries;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceQueries;
import io.homeshield.net.DomainName;
import io.homeshield.web.StaffRoles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Support acting on a household's behalf: each act has its form with a mandatory reason; a form
 * sent without one (or with anything else wrong) comes back with the problem named, status 400,
 * and nothing changed.
 */
@Path("/admin/households/{householdId}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StaffRoles.SUPPORT)
class OnBehalfPages {

    private static final Set<String> DONE = Set.of("quarantine", "release", "block", "resend");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance act(ActForm form);
    }

    private final OnBehalfActions actions;
    private final DeviceQueries devices;
    private final SecurityIdentity identity;
    private final HouseholdQueries households;

    OnBehalfPages(OnBehalfActions actions, DeviceQueries devices, SecurityIdentity identity,
            HouseholdQueries households) {
        this.households = households;
        this.actions = actions;
        this.devices = devices;
        this.identity = identity;
    }

    @GET
    @Path("devices/{deviceId}/quarantine")
    public TemplateInstance quarantineForm(@RestPath UUID householdId, @RestPath UUID deviceId) {
        return Templates.act(quarantineForm(household(householdId), device(householdId, deviceId)));
    }

    @POST
    @Path("devices/{deviceId}/quarantine")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response quarantine(@RestPath UUID householdId, @RestPath UUID deviceId, @RestForm String duration,
            @RestForm String reason) {
        ActForm form = quarantineForm(household(householdId), device(householdId, deviceId));
        StaffQuarantineDuration howLong = StaffQuarantineDuration.fromForm(duration);
        if (howLong == null) {
            return refused(form.refused("duration", reason, null, null));
        }
        try {
            actions.quarantine(householdId, deviceId, howLong, support(), new StaffReason(reason));
        } catch (IllegalArgumentException e) {
            return refused(form.refused("reason", reason, howLong, null));
        }
        return backToHousehold(householdId, "quarantine");
    }

    @GET
    @Path("devices/{deviceId}/release")
    public TemplateInstance releaseForm(@RestPath UUID householdId, @RestPath UUID deviceId) {
        return Templates.act(releaseForm(household(householdId), device(householdId, deviceId)));
    }

    @POST
    @Path("devices/{deviceId}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@RestPath UUID householdId, @RestPath UUID deviceId, @RestForm String reason) {
        ActForm form = releaseForm(household(householdId), device(householdId, deviceId));
        try {
            actions.release(householdId, deviceId, support(), new StaffReason(reason));
        } catch (IllegalArgumentException e) {
            return refused(form.refused("reason", reason, null, null));
        }
        return backToHousehold(householdId, "release");
    }

    @GET
    @Path("block")
    public TemplateInstance blockForm(@RestPath UUID householdId) {
        return Templates.act(blockForm(household(householdId)));
    }

    @POST
    @Path("block")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response block(@RestPath UUID householdId, @RestForm String domain, @RestForm String reason) {
        ActForm form = blockForm(household(householdId));
        DomainName name;
        try {
            name = DomainName.of(domain == null ? "" : domain.strip());
        } catch (IllegalArgumentException e) {
            return refused(form.refused("domain", reason, null, domain));
        }
        try {
            actions.block(householdId, name, support(), new StaffReason(reason));
        } catch (IllegalArgumentException e) {
            return refused(form.refused("reason", reason, null, domain));
        }
        return backToHousehold(householdId, "block");
    }

    @GET
    @Path("resend")
    public TemplateInstance resendForm(@RestPath UUID householdId) {
        return Templates.act(resendForm(household(householdId)));
    }

    @POST
    @Path("resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@RestPath UUID householdId, @RestForm String reason) {
        ActForm form = resendForm(household(householdId));
        try {
            actions.resend(householdId, support(), new StaffReason(reason));
        } catch (IllegalArgumentException e) {
            return refused(form.refused("reason", reason, null, null));
        }
        return backToHousehold(householdId, "resend");
    }

    /** Only these fixed names: the query parameter never reaches the page as text. */
    static String notice(String done) {
        return done != null && DONE.contains(done) ? done : null;
    }

    private static ActForm quarantineForm(Household household, Device device) {
        return new ActForm("quarantine", household, device);
    }

    private static ActForm releaseForm(Household household, Device device) {
        return new ActForm("release", household, device);
    }

    private static ActForm blockForm(Household household) {
        return new ActForm("block", household, null);
    }

    private static ActForm resendForm(Household household) {
        return new ActForm("resend", household, null);
    }

    private Actor support() {
        return StaffActors.as(identity, StaffRoles.SUPPORT);
    }

    private Household household(UUID id) {
        return households.household(id).orElseThrow(() -> ProblemException.notFound("Household"));
    }

    private Device device(UUID householdId, UUID deviceId) {
        return devices.find(new HouseholdId(householdId), deviceId)
                .orElseThrow(() -> ProblemException.notFound("Device"));
    }

    private static Response refused(ActForm form) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.act(form)).build();
    }

    private static Response backToHousehold(UUID householdId, String done) {
        return Response.seeOther(URI.create("/admin/households/" + householdId + "?done=" + done)).build();
    }
}
