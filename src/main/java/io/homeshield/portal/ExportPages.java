package io.homeshield.portal;

import java.net.URI;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.homeshield.audit.Actor;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.lifecycle.ExportJob;
import io.homeshield.lifecycle.ExportService;
import io.homeshield.lifecycle.HouseholdExport;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The owner's archive prepared in the background: requested from the settings page, its progress on
 * a page that reloads itself until the archive is ready, then a download link that expires.
 */
@Path("/portal/settings/exports")
@Produces(MediaType.TEXT_HTML)
class ExportPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance export(ExportJob job, String expires);
    }

    private final CurrentHousehold current;
    private final ExportService exports;
    private final Moments moments;

    ExportPages(CurrentHousehold current, ExportService exports, Moments moments) {
        this.current = current;
        this.exports = exports;
        this.moments = moments;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response request() {
        ExportJob job = exports.request(HouseholdExport.ownersHousehold(current), Actor.subscriber(current.subject()),
                null);
        return Response.seeOther(URI.create("/portal/settings/exports/" + job.id)).build();
    }

    @GET
    @Path("{id}")
    public TemplateInstance progress(@RestPath UUID id) {
        ExportJob job = exports.of(HouseholdExport.ownersHousehold(current), id);
        return Templates.export(job, moments.at(job.expiresAt));
    }

    @GET
    @Path("{id}/archive")
    @Produces("application/gzip")
    public Response archive(@RestPath UUID id, @RestQuery String token) {
        byte[] gzip = exports.archive(HouseholdExport.ownersHousehold(current), id, token);
        return Response.ok(gzip, "application/gzip")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"homeshield-export-" + id
                        + ".json.gz\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
