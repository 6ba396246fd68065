package io.homeshield.api.v1;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.HouseholdQueries;
import io.homeshield.household.HouseholdSettingsService;
import io.homeshield.household.MemberService;
import io.homeshield.household.NotInHouseholdException;
import io.homeshield.infra.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;

@Path("/api/v1/settings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("subscriber")
@Tag(name = "Settings", description = "Automatic quarantine and notifications")
public class SettingsResource {

    private final CurrentHousehold current;
    private final HouseholdSettingsService settings;
    private final MemberService members;
    private final HouseholdQueries households;

    SettingsResource(CurrentHousehold current, HouseholdSettingsService settings, MemberService members,
            HouseholdQueries households) {
        this.households = households;
        this.current = current;
        this.settings = settings;
        this.members = members;
    }

    @GET
    @Operation(operationId = "getSettings",
            summary = "Read the settings", description = "The ETag goes back as If-Match when changing them.")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(schema = @Schema(implementation = SettingsDto.class),
                    examples = @ExampleObject(name = "defaults", value = ApiExamples.SETTINGS)))
    public Response get() {
        SettingsDto now = QuarkusTransaction.requiringNew().call(this::read);
        return Response.ok(now).header(HttpHeaders.ETAG, ETags.of(now)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeSettings",
            summary = "Change the settings", description = "Fields left out stay as they are; automatic"
            + " quarantine only by the owner or a co-admin. If-Match is required (428 without it); settings someone"
            + " changed since are answered 412 and left alone.")
    @RequestBody(content = @Content(schema = @Schema(implementation = SettingsDto.class),
            examples = @ExampleObject(name = "automatic quarantine on", value = ApiExamples.SETTINGS_CHANGE)))
    @APIResponse(responseCode = "200", description = "The settings as they are now, with their new ETag",
            content = @Content(schema = @Schema(implementation = SettingsDto.class),
                    examples = @ExampleObject(name = "changed", value = ApiExamples.SETTINGS)))
    public Response change(SettingsDto change, @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        if (change == null) {
            throw ProblemException.invalid("body", "send autoQuarantine and/or notifyLevel");
        }
        HouseholdMember me = current.membership().orElseThrow(NotInHouseholdException::new);
        // checked and changed under the household's row lock, so two edits from the same ETag cannot both win
        SettingsDto now = QuarkusTransaction.requiringNew().call(() -> {
            settings.lockForChange(me.householdId);
            SettingsDto before = read();
            ETags.require(ifMatch, ETags.of(before));
            if (change.autoQuarantine() != null && !change.autoQuarantine().equals(before.autoQuarantine())) {
                settings.setAutoQuarantine(me, change.autoQuarantine());
            }
            if (change.notifyLevel() != null && change.notifyLevel() != before.notifyLevel()) {
                members.setNotifyLevel(me, change.notifyLevel());
            }
            return read();
        });
        return Response.ok(now).header(HttpHeaders.ETAG, ETags.of(now)).build();
    }

    private SettingsDto read() {
        Household household = households.household(current.require().value()).orElseThrow();
        HouseholdMember me = households.member(current.membership().orElseThrow().id).orElseThrow();
        return new SettingsDto(household.autoQuarantine, me.notifyLevel);
    }
}
