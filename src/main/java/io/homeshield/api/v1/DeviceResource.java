package io.homeshield.api.v1;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.homeshield.activity.DeviceFilter;
import io.homeshield.audit.Actor;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.DeviceType;

@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("subscriber")
@Tag(name = "Devices", description = "The devices the household's router sees")
public class DeviceResource {

    private final CurrentHousehold current;
    private final DeviceViews views;
    private final DeviceCommands commands;
    private final IdempotentActions idempotent;

    DeviceResource(CurrentHousehold current, DeviceViews views, DeviceCommands commands, IdempotentActions idempotent) {
        this.current = current;
        this.views = views;
        this.commands = commands;
        this.idempotent = idempotent;
    }

    @GET
    @Operation(operationId = "listDevices",
            summary = "List the household's devices", description = "Ordered by name; filters combine.")
    @APIResponse(responseCode = "200", description = "A page of devices",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeviceDto.class),
                    examples = @ExampleObject(name = "one camera", value = "[" + ApiExamples.DEVICE + "]")))
    public Response list(
            @Parameter(description = "Only devices that are (true) or are not (false) online now",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("online") String online,
            @Parameter(description = "Only devices that are (true) or are not (false) to be kept quarantined",
                    schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("quarantined") String quarantined,
            @Parameter(description = "Only devices of this type",
                    schema = @Schema(implementation = DeviceType.class)) @QueryParam("type") String type,
            @Parameter(description = "Only devices whose name, hostname, vendor, MAC or IP address contains this text")
            @QueryParam("q") String text,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, UriInfo uri) {
        DeviceFilter filter = new DeviceFilter(ApiProblems.bool("online", online),
                ApiProblems.bool("quarantined", quarantined), ApiProblems.oneOf(DeviceType.class, "type", type), text);
        return Pages.answer(views.list(current.require(), filter, Pages.PageRequest.of(cursor, limit)), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDevice",
            summary = "Get one device", description = "The ETag stands for its name and type; send it back"
            + " as If-Match when editing them.")
    @APIResponse(responseCode = "200", description = "The device",
            content = @Content(schema = @Schema(implementation = DeviceDto.class),
                    examples = @ExampleObject(name = "quarantined camera", value = ApiExamples.DEVICE)))
    public Response get(@PathParam("id") UUID id) {
        DeviceDto device = views.get(current.require(), id);
        return Response.ok(device).header(HttpHeaders.ETAG, etagOf(device)).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(operationId = "editDevice", summary = "Rename a device or change its type",
            description = "Fields left out stay as they are; type, when sent, is one of the device types. If-Match"
                    + " is required (428 without it); a device someone else edited since is answered 412 and left"
                    + " alone.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DeviceEdit.class),
            examples = @ExampleObject(name = "rename", value = ApiExamples.DEVICE_EDIT)))
    @APIResponse(responseCode = "200", description = "The device as it is now, with its new ETag",
            content = @Content(schema = @Schema(implementation = DeviceDto.class),
                    examples = @ExampleObject(name = "renamed", value = ApiExamples.DEVICE)))
    public Response edit(@PathParam("id") UUID id, DeviceEdit edit, @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        HouseholdId household = current.requireCanAct();
        if (edit == null) {
            throw io.homeshield.infra.problem.ProblemException.invalid("body", "send name and/or type");
        }
        DeviceDto device = views.of(household, commands.describe(household, id, edit, ifMatch, actor()));
        return Response.ok(device).header(HttpHeaders.ETAG, etagOf(device)).build();
    }

    @GET
    @Path("/{id}/actions")
    @Tag(name = "Actions")
    @Operation(operationId = "listDeviceActions",
            summary = "The device's latest actions", description = "Newest first; at most "
            + DeviceViews.RECENT_ACTIONS + ".")
    @APIResponse(responseCode = "200", description = "The actions",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ActionDto.class),
                    examples = @ExampleObject(name = "one quarantine", value = "[" + ApiExamples.ACTION + "]")))
    public java.util.List<ActionDto> actions(@PathParam("id") UUID id) {
        return views.recentActions(current.require(), id);
    }

    @POST
    @Path("/{id}/quarantine")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Actions")
    @Operation(operationId = "quarantineDevice", summary = "Quarantine a device",
            description = "Records that the device must be quarantined and asks its router to do it. The answer"
                    + " comes before the router has acted: follow the action at the Location to see it applied."
                    + " The body is JSON (Content-Type: application/json) and may be empty.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = QuarantineRequest.class),
            examples = { @ExampleObject(name = "for an hour", value = ApiExamples.QUARANTINE_FOR_AN_HOUR),
                    @ExampleObject(name = "until released", value = ApiExamples.QUARANTINE_UNTIL_RELEASED) }))
    @APIResponse(responseCode = "202", description = "Accepted; the Location header names the action",
            content = @Content(schema = @Schema(implementation = ActionDto.class),
                    examples = @ExampleObject(name = "requested", value = ApiExamples.ACTION)))
    public Response quarantine(@PathParam("id") UUID id, QuarantineRequest request,
            @HeaderParam(IdempotentActions.HEADER) String key, UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        return idempotent.run(household, key, "POST " + uri.getPath(), request,
                () -> accepted(commands.quarantine(household, id, request, actor()), uri));
    }

    @POST
    @Path("/{id}/release")
    @Tag(name = "Actions")
    @Operation(operationId = "releaseDevice", summary = "Release a device from quarantine",
            description = "Releasing a device that is not quarantined is harmless and still gives an action.")
    @APIResponse(responseCode = "202", description = "Accepted; the Location header names the action",
            content = @Content(schema = @Schema(implementation = ActionDto.class),
                    examples = @ExampleObject(name = "requested", value = ApiExamples.RELEASE_ACTION)))
    public Response release(@PathParam("id") UUID id, @HeaderParam(IdempotentActions.HEADER) String key,
            UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        return idempotent.run(household, key, "POST " + uri.getPath(), null,
                () -> accepted(commands.release(household, id, actor()), uri));
    }

    @POST
    @Path("/{id}/trust")
    @Consumes(MediaType.APPLICATION_JSON)
    @Tag(name = "Alerts")
    @Operation(operationId = "trustDevice",
            summary = "Trust a device", description = "Marks each of its open or acknowledged alerts"
            + " \"not a threat\"; the same patterns on this device stay quiet and go to the provider's review.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = FeedbackRequest.class),
            examples = @ExampleObject(name = "our own NAS", value = ApiExamples.FEEDBACK)))
    @APIResponse(responseCode = "200", description = "How many alerts were marked",
            content = @Content(schema = @Schema(implementation = TrustResult.class),
                    examples = @ExampleObject(name = "two alerts", value = "{\"alertsMarked\":2}")))
    public Response trust(@PathParam("id") UUID id, FeedbackRequest request,
            @HeaderParam(IdempotentActions.HEADER) String key, UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        return idempotent.run(household, key, "POST " + uri.getPath(), request,
                () -> Response.ok(new TrustResult(commands.trust(household, id, request, actor()))).build());
    }

    /** How many alerts trusting a device marked. */
    @Schema(name = "TrustResult")
    public record TrustResult(@Schema(examples = "2") int alertsMarked) {
    }

    private Actor actor() {
        return Actor.subscriber(current.subject());
    }

    static String etagOf(DeviceDto device) {
        return DeviceDto.etag(device.userLabel(), device.type());
    }

    private static Response accepted(ActionDto action, UriInfo uri) {
        URI location = uri.getBaseUriBuilder().path(ActionResource.class).path(action.id().toString()).build();
        return Response.accepted(action).location(location).build();
    }
}
