package io.homeshield.api.v1;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.homeshield.alert.AlertStatus;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.Problem;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("subscriber")
@Tag(name = "Alerts", description = "Suspicious behaviour of the household's devices, explained")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                examples = @ExampleObject(name = "unauthenticated", value = ApiExamples.UNAUTHENTICATED)))
@APIResponse(responseCode = "403", description = "Not a subscriber, or not linked to a household",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AlertResource {

    private final CurrentHousehold current;
    private final AlertViews views;

    AlertResource(CurrentHousehold current, AlertViews views) {
        this.current = current;
        this.views = views;
    }

    @GET
    @Operation(summary = "List the household's alerts", description = "Open alerts first, then by last seen.")
    @APIResponse(responseCode = "200", description = "The alerts",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AlertDto.class),
                    examples = @ExampleObject(name = "camera contacting a malware host",
                            value = "[" + ApiExamples.ALERT + "]")))
    @APIResponse(responseCode = "400", description = "A query parameter is not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AlertDto> list(
            @Parameter(description = "Only alerts with this status",
                    schema = @Schema(implementation = AlertStatus.class)) @QueryParam("status") String status,
            @Parameter(description = "Only alerts about this device",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid")) @QueryParam("deviceId") String deviceId) {
        HouseholdId household = current.require();
        return views.list(household, ApiProblems.oneOf(AlertStatus.class, "status", status),
                ApiProblems.uuid("deviceId", deviceId));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one alert")
    @APIResponse(responseCode = "200", description = "The alert",
            content = @Content(schema = @Schema(implementation = AlertDto.class),
                    examples = @ExampleObject(name = "camera contacting a malware host", value = ApiExamples.ALERT)))
    @APIResponse(responseCode = "404", description = "No such alert in the household",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AlertDto get(@PathParam("id") UUID id) {
        return views.get(current.require(), id);
    }

    @ServerExceptionMapper
    Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return ApiProblems.unauthenticated(uri);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, UriInfo uri) {
        return ApiProblems.forbidden(uri);
    }
}
