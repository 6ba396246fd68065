package io.homeshield.api.v1;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.homeshield.household.CurrentHousehold;
import io.homeshield.portal.HouseholdChangeFeed;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

@Path("/api/v1/events")
@RolesAllowed("subscriber")
@Tag(name = "Events", description = "What changes in the household, as it happens")
public class EventResource {

    private final CurrentHousehold current;
    private final HouseholdChangeFeed feed;

    EventResource(CurrentHousehold current, HouseholdChangeFeed feed) {
        this.current = current;
        this.feed = feed;
    }

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stream the household's events", description = "Server-Sent Events (text/event-stream),"
            + " one JSON object per event: an alert raised or moved to another status, an action moved on"
            + " (requested, applied, verified, failed). Same source as the portal's live updates; events are"
            + " not replayed after a reconnect, so read the lists again then. Send the bearer token as for any"
            + " other call.")
    @APIResponse(responseCode = "200", description = "The stream; it stays open",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(implementation = HouseholdEventDto.class),
                    examples = @ExampleObject(name = "an action applied", value = ApiExamples.EVENT)))
    public Multi<HouseholdEventDto> stream() {
        return feed.changes(current.require()).map(HouseholdEventDto::of);
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
