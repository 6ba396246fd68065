package io.homeshield.api.v1;

import java.util.UUID;
import java.util.function.Supplier;

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

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertLifecycle;
import io.homeshield.alert.AlertStatus;
import io.homeshield.alert.Severity;
import io.homeshield.audit.Actor;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("subscriber")
@Tag(name = "Alerts", description = "Suspicious behaviour of the household's devices, explained")
public class AlertResource {

    private final CurrentHousehold current;
    private final AlertViews views;
    private final AlertLifecycle lifecycle;
    private final IdempotentActions idempotent;

    AlertResource(CurrentHousehold current, AlertViews views, AlertLifecycle lifecycle, IdempotentActions idempotent) {
        this.current = current;
        this.views = views;
        this.lifecycle = lifecycle;
        this.idempotent = idempotent;
    }

    @GET
    @Operation(operationId = "listAlerts",
            summary = "List the household's alerts", description = "Newest first (by when raised); filters combine.")
    @APIResponse(responseCode = "200", description = "A page of alerts",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AlertDto.class),
                    examples = @ExampleObject(name = "camera contacting a malware host",
                            value = "[" + ApiExamples.ALERT + "]")))
    public Response list(
            @Parameter(description = "Only alerts with this status",
                    schema = @Schema(implementation = AlertStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only alerts about this device",
                    schema = @Schema(type = SchemaType.STRING,
                            format = "uuid")) @QueryParam("deviceId") String deviceId,
            @Parameter(description = "Only alerts of this severity",
                    schema = @Schema(implementation = Severity.class)) @QueryParam("severity") String severity,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, UriInfo uri) {
        HouseholdId household = current.require();
        return Pages.answer(views.list(household, ApiProblems.oneOf(AlertStatus.class, "status", status),
                ApiProblems.uuid("deviceId", deviceId), ApiProblems.oneOf(Severity.class, "severity", severity),
                Pages.PageRequest.of(cursor, limit)), uri);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAlert", summary = "Get one alert",
            description = "What was seen, why it matters and what to do, with the evidence behind it.")
    @APIResponse(responseCode = "200", description = "The alert",
            content = @Content(schema = @Schema(implementation = AlertDto.class),
                    examples = @ExampleObject(name = "camera contacting a malware host", value = ApiExamples.ALERT)))
    public AlertDto get(@PathParam("id") UUID id) {
        return views.get(current.require(), id);
    }

    @POST
    @Path("/{id}/acknowledge")
    @Operation(operationId = "acknowledgeAlert",
            summary = "Acknowledge an alert", description = "The household has seen it; it stays active."
            + " Acknowledging an alert that is not open leaves it as it is.")
    @APIResponse(responseCode = "200", description = "The alert as it is now",
            content = @Content(schema = @Schema(implementation = AlertDto.class),
                    examples = @ExampleObject(name = "acknowledged", value = ApiExamples.ALERT)))
    public Response acknowledge(@PathParam("id") UUID id, @HeaderParam(IdempotentActions.HEADER) String key,
            UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        return act(household, key, uri, null, () -> lifecycle.acknowledge(household, id, actor()));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "resolveAlert",
            summary = "Resolve an alert", description = "The household has dealt with it (for example reset"
            + " the device). An alert already resolved or marked not a threat is answered 409.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = FeedbackRequest.class),
            examples = @ExampleObject(name = "reset", value = ApiExamples.RESOLVE)))
    @APIResponse(responseCode = "200", description = "The alert as it is now",
            content = @Content(schema = @Schema(implementation = AlertDto.class),
                    examples = @ExampleObject(name = "resolved", value = ApiExamples.ALERT)))
    @APIResponse(responseCode = "409", description = "The alert is already resolved or marked not a threat")
    public Response resolve(@PathParam("id") UUID id, FeedbackRequest request,
            @HeaderParam(IdempotentActions.HEADER) String key, UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        return act(household, key, uri, request, () -> lifecycle.resolve(household, id, actor(),
                request == null ? null : request.checkedComment()));
    }

    @POST
    @Path("/{id}/not-a-threat")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "markAlertNotAThreat",
            summary = "Say an alert is not a threat", description = "The same pattern on this device stays"
            + " quiet from now on, and the provider's analysts review the verdict.")
    @RequestBody(required = false, content = @Content(schema = @Schema(implementation = FeedbackRequest.class),
            examples = @ExampleObject(name = "our own NAS", value = ApiExamples.FEEDBACK)))
    @APIResponse(responseCode = "200", description = "The alert as it is now",
            content = @Content(schema = @Schema(implementation = AlertDto.class),
                    examples = @ExampleObject(name = "not a threat", value = ApiExamples.ALERT)))
    public Response notAThreat(@PathParam("id") UUID id, FeedbackRequest request,
            @HeaderParam(IdempotentActions.HEADER) String key, UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        return act(household, key, uri, request, () -> lifecycle.markNotAThreat(household, id, actor(),
                request == null ? null : request.checkedComment()));
    }

    private Response act(HouseholdId household, String key, UriInfo uri, Object request, Supplier<Alert> change) {
        return idempotent.run(household, key, "POST " + uri.getPath(), request,
                () -> Response.ok(views.toDto(change.get())).build());
    }

    private Actor actor() {
        return Actor.subscriber(current.subject());
    }
}
