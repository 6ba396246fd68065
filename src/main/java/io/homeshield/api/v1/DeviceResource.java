package io.homeshield.api.v1;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.homeshield.audit.Actor;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.Problem;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("subscriber")
@Tag(name = "Devices", description = "The devices the household's router sees")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthenticated", value = ApiExamples.UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "Not a subscriber, or not linked to a household",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DeviceResource {

    private final CurrentHousehold current;
    private final DeviceViews views;
    private final DeviceCommands commands;

    DeviceResource(CurrentHousehold current, DeviceViews views, DeviceCommands commands) {
        this.current = current;
        this.views = views;
        this.commands = commands;
    }

    @GET
    @Operation(summary = "List the household's devices", description = "Online devices first, then by last seen.")
    @APIResponse(responseCode = "200", description = "The devices",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeviceDto.class),
                    examples = @ExampleObject(name = "one camera", value = "[" + ApiExamples.DEVICE + "]")))
    @APIResponse(responseCode = "400", description = "A query parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<DeviceDto> list(
            @Parameter(description = "Only devices that are (true) or are not (false) online now",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("online") String online) {
        return views.list(current.require(), ApiProblems.bool("online", online));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one device")
    @APIResponse(responseCode = "200", description = "The device",
            content = @Content(schema = @Schema(implementation = DeviceDto.class),
                    examples = @ExampleObject(name = "quarantined camera", value = ApiExamples.DEVICE)))
    @APIResponse(responseCode = "404", description = "No such device in the household",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = ApiExamples.NOT_FOUND)))
    public DeviceDto get(@PathParam("id") UUID id) {
        return views.get(current.require(), id);
    }

    @GET
    @Path("/{id}/actions")
    @Tag(name = "Actions")
    @Operation(summary = "The device's latest actions", description = "Newest first; at most "
            + DeviceViews.RECENT_ACTIONS + ".")
    @APIResponse(responseCode = "200", description = "The actions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ActionDto.class),
                    examples = @ExampleObject(name = "one quarantine", value = "[" + ApiExamples.ACTION + "]")))
    @APIResponse(responseCode = "404", description = "No such device in the household",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ActionDto> actions(@PathParam("id") UUID id) {
        return views.recentActions(current.require(), id);
    }

    @POST
    @Path("/{id}/quarantine")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Actions")
    @Operation(summary = "Quarantine a device",
            description = "Records that the device must be quarantined and asks its router to do it. The answer"
                    + " comes before the router has acted: follow the action at the Location to see it applied."
                    + " The body is JSON (Content-Type: application/json) and may be empty.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = QuarantineRequest.class),
            examples = { @ExampleObject(name = "for an hour", value = ApiExamples.QUARANTINE_FOR_AN_HOUR),
                    @ExampleObject(name = "until released", value = ApiExamples.QUARANTINE_UNTIL_RELEASED) }))
    @APIResponse(responseCode = "202", description = "Accepted; the Location header names the action",
            content = @Content(schema = @Schema(implementation = ActionDto.class),
                    examples = @ExampleObject(name = "requested", value = ApiExamples.ACTION)))
    @APIResponse(responseCode = "400", description = "Malformed JSON, or a level, duration or key that is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "duration too long", value = ApiExamples.INVALID_DURATION)))
    @APIResponse(responseCode = "403", description = "The person's household role does not allow changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "member", value = ApiExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such device in the household",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response quarantine(@PathParam("id") UUID id, QuarantineRequest request,
            @Parameter(description = "Repeat the request with the same key to get the first action back instead of a"
                    + " new one (at most 100 characters)") @HeaderParam(DeviceCommands.IDEMPOTENCY_KEY) String key,
            UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        return accepted(commands.quarantine(household, id, request, actor(), key), uri);
    }

    @POST
    @Path("/{id}/release")
    @Tag(name = "Actions")
    @Operation(summary = "Release a device from quarantine",
            description = "Releasing a device that is not quarantined is harmless and still gives an action.")
    @APIResponse(responseCode = "202", description = "Accepted; the Location header names the action",
            content = @Content(schema = @Schema(implementation = ActionDto.class)))
    @APIResponse(responseCode = "400", description = "The Idempotency-Key is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "The person's household role does not allow changes",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such device in the household",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The Idempotency-Key was used for a different request",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response release(@PathParam("id") UUID id,
            @Parameter(description = "As for quarantine") @HeaderParam(DeviceCommands.IDEMPOTENCY_KEY) String key,
            UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        return accepted(commands.release(household, id, actor(), key), uri);
    }

    @ServerExceptionMapper
    Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return ApiProblems.unauthenticated(uri);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, UriInfo uri) {
        return ApiProblems.forbidden(uri);
    }

    private Actor actor() {
        return Actor.subscriber(current.subject());
    }

    private static Response accepted(ActionDto action, UriInfo uri) {
        URI location = uri.getBaseUriBuilder().path(ActionResource.class).path(action.id().toString()).build();
        return Response.accepted(action).location(location).build();
    }
}
