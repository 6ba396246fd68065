package io.homeshield.admin;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdQueries;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.lifecycle.ExportJob;
import io.homeshield.lifecycle.ExportService;
import io.homeshield.web.StaffRoles;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Support produces a household's archive on the subscriber's request, with a reason the household
 * reads in its activity log (audited), follows its progress and downloads it to hand it over.
 */
@Path("/admin/households/{householdId}/exports")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(StaffRoles.SUPPORT)
class StaffExportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance export(Household household, ExportJob job, String reason, String refused);
    }

    private final ExportService exports;
    private final HouseholdQueries households;
    private final SecurityIdentity identity;

    StaffExportPages(ExportService exports, SecurityIdentity identity, HouseholdQueries households) {
        this.households = households;
        this.exports = exports;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request(@RestPath UUID householdId, @RestForm String reason) {
        Household household = household(householdId);
        StaffReason why;
        try {
            why = new StaffReason(reason);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.export(household, null, reason, e.getMessage())).build();
        }
        ExportJob job = exports.request(new HouseholdId(householdId), StaffActors.as(identity, StaffRoles.SUPPORT),
                why.value());
        return Response.seeOther(URI.create("/admin/households/" + householdId + "/exports/" + job.id)).build();
    }

    @GET
    public TemplateInstance form(@RestPath UUID householdId) {
        return Templates.export(household(householdId), null, null, null);
    }

    @GET
    @Path("{id}")
    public TemplateInstance progress(@RestPath UUID householdId, @RestPath UUID id) {
        return Templates.export(household(householdId), exports.of(new HouseholdId(householdId), id), null, null);
    }

    @GET
    @Path("{id}/archive")
    @Produces("application/gzip")
    public Response archive(@RestPath UUID householdId, @RestPath UUID id, @RestQuery String token) {
        byte[] gzip = exports.archive(new HouseholdId(householdId), id, token);
        return Response.ok(gzip, "application/gzip")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"homeshield-export-" + id
                        + ".json.gz\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private Household household(UUID id) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> households.household(id))
                .orElseThrow(() -> ProblemException.notFound("Household"));
    }
}
