package io.homeshield.api.v1;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.homeshield.activity.ActivityViews;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.infra.problem.ProblemException;

@Path("/api/v1/activity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("subscriber")
@Tag(name = "Activity", description = "What members, the provider's staff and automatic rules did in the household")
public class ActivityResource {

    private final CurrentHousehold current;
    private final ActivityViews activity;

    ActivityResource(CurrentHousehold current, ActivityViews activity) {
        this.current = current;
        this.activity = activity;
    }

    @GET
    @Operation(operationId = "listActivity", summary = "The household's activity log", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "A page of entries",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ActivityDto.class),
                    examples = @ExampleObject(name = "a quarantine", value = "[" + ApiExamples.ACTIVITY + "]")))
    public Response list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit, UriInfo uri) {
        Pages.PageRequest page = Pages.PageRequest.of(cursor, limit);
        var fetched = activity.older(current.require(), before(page.after()), page.limit() + 1).stream()
                .map(ActivityDto::of).toList();
        return Pages.answer(Pages.cut(fetched, a -> key(a.id()), page.limit()), uri);
    }

    private static String key(long id) {
        return String.format("%019d", Long.MAX_VALUE - id);
    }

    private static Long before(String after) {
        if (after == null) {
            return null;
        }
        try {
            return Long.MAX_VALUE - Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API gave out; start from the first page");
        }
    }
}
