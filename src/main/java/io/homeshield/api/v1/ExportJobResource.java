package io.homeshield.api.v1;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.homeshield.audit.Actor;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.lifecycle.ExportJob;
import io.homeshield.lifecycle.ExportService;
import io.homeshield.lifecycle.HouseholdExport;

@Path("/api/v1/exports")
@RolesAllowed("subscriber")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Export", description = "Everything HomeShield holds about the household, for its owner")
public class ExportJobResource {

    private static final String EXPORT = """
            {"id":"0b6c9a4e-2f1d-4c8e-9a7b-5d3e1f2a4c60","state":"READY","percent":100,"sectionsDone":21,\
            "sectionsTotal":21,"createdAt":"2026-12-06T12:00:00Z","finishedAt":"2026-12-06T12:00:04Z",\
            "expiresAt":"2026-12-08T12:00:04Z","download":\
            "https://portal.example-isp.net/api/v1/exports/0b6c9a4e-2f1d-4c8e-9a7b-5d3e1f2a4c60/archive?\
            token=q9XvB2kLw7Hn4sTz0cRm8aPe"}""";

    private final CurrentHousehold current;
    private final ExportService exports;

    ExportJobResource(CurrentHousehold current, ExportService exports) {
        this.current = current;
        this.exports = exports;
    }

    @POST
    @Operation(operationId = "requestExport",
            summary = "Prepare the household's archive in the background", description = "The owner only. The"
            + " answer names the export resource to poll (Location); once READY it carries the download link, which"
            + " works until expiresAt. For a small household GET /api/v1/export answers the archive at once.")
    @APIResponse(responseCode = "202", description = "Accepted; the Location header names the export",
            content = @Content(schema = @Schema(implementation = ExportJobDto.class),
                    examples = @ExampleObject(name = "queued", value = EXPORT)))
    @APIResponse(responseCode = "403", description = "The caller is a co-admin or member, not the owner")
    public Response request(UriInfo uri) {
        HouseholdId household = HouseholdExport.ownersHousehold(current);
        ExportJob job = exports.request(household, Actor.subscriber(current.subject()), null);
        return Response.accepted(ExportJobDto.of(job, uri.getBaseUriBuilder()))
                .location(uri.getBaseUriBuilder().path("api/v1/exports").path(job.id.toString()).build()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getExport", summary = "Read an export's progress and, once ready, its download link",
            description = "The owner only. Poll it until state is READY (or FAILED); download is absent before.")
    @APIResponse(responseCode = "200", description = "The export",
            content = @Content(schema = @Schema(implementation = ExportJobDto.class),
                    examples = @ExampleObject(name = "ready", value = EXPORT)))
    @APIResponse(responseCode = "404", description = "No such export in the household, or its link expired")
    public ExportJobDto get(@PathParam("id") UUID id, UriInfo uri) {
        return ExportJobDto.of(exports.of(HouseholdExport.ownersHousehold(current), id), uri.getBaseUriBuilder());
    }

    @GET
    @Path("/{id}/archive")
    @Produces("application/gzip")
    @Operation(operationId = "downloadExportArchive",
            summary = "Download a prepared archive", description = "Gzip-compressed JSON, format"
            + " homeshield-export/1. The link's token is required, and the owner's sign-in.")
    @APIResponse(responseCode = "200", description = "The archive, as an attachment",
            content = @Content(mediaType = "application/gzip", schema = @Schema(type = SchemaType.STRING,
                    format = "binary"), examples = @ExampleObject(name = "an archive",
                            description = "gzip of a homeshield-export/1 document", value = "H4sIAAAAAAAA…")))
    @APIResponse(responseCode = "404", description = "Not ready, not this household's, a wrong token, or expired")
    public Response archive(@PathParam("id") UUID id, @QueryParam("token") String token) {
        byte[] gzip = exports.archive(HouseholdExport.ownersHousehold(current), id, token);
        return Response.ok(gzip, "application/gzip")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"homeshield-export-" + id
                        + ".json.gz\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
