package io.homeshield.api.v1;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.homeshield.household.CurrentHousehold;
import io.homeshield.lifecycle.HouseholdExport;

@Path("/api/v1/export")
@RolesAllowed("subscriber")
@Tag(name = "Export", description = "Everything HomeShield holds about the household, for its owner")
public class ExportResource {

    private final CurrentHousehold current;
    private final HouseholdExport export;

    ExportResource(CurrentHousehold current, HouseholdExport export) {
        this.current = current;
        this.export = export;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "downloadHouseholdData", summary = "Download the household's data",
            description = "The owner only. One JSON document, format homeshield-export/1 (docs/data-lifecycle.md).")
    @APIResponse(responseCode = "200", description = "The archive, as an attachment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "an archive",
                    value = "{\"format\":\"homeshield-export/1\",\"exported_at\":\"2026-12-06T12:00:00Z\","
                            + "\"household\":{\"id\":\"6f1c0d5e-8f8a-4d3c-9d7e-2f7b5a1c9e01\","
                            + "\"display_name\":\"Miller\","
                            + "\"auto_quarantine\":true},\"members\":[],\"devices\":[{\"mac\":\"3C:22:FB:10:20:30\","
                            + "\"hostname\":\"annas-phone\",\"user_label\":\"Anna's phone\"}],\"alerts\":[]}")))
    @APIResponse(responseCode = "403", description = "The caller is a co-admin or member, not the owner")
    public Response download() {
        return export.downloadFor(current);
    }
}
