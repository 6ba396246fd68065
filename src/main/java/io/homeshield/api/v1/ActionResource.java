package io.homeshield.api.v1;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.homeshield.household.CurrentHousehold;

@Path("/api/v1/actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("subscriber")
@Tag(name = "Actions", description = "Quarantine and release, and how far the router has got with them")
public class ActionResource {

    private final CurrentHousehold current;
    private final DeviceViews views;

    ActionResource(CurrentHousehold current, DeviceViews views) {
        this.current = current;
        this.views = views;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAction", summary = "Get one action",
            description = "Poll this after quarantine or release (or follow the event stream): REQUESTED until the"
                    + " router has been told, then APPLIED and VERIFIED, or FAILED with the reason.")
    @APIResponse(responseCode = "200", description = "The action",
            content = @Content(schema = @Schema(implementation = ActionDto.class),
                    examples = @ExampleObject(name = "requested", value = ApiExamples.ACTION)))
    public ActionDto get(@PathParam("id") UUID id) {
        return views.action(current.require(), id);
    }
}
