package io.homeshield.api.v1;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import io.homeshield.audit.Actor;
import io.homeshield.enforcement.BlockedDomainService;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;

@Path("/api/v1/blocked-domains")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("subscriber")
@Tag(name = "Blocked domains", description = "Domains the household's routers refuse to resolve")
public class BlockedDomainResource {

    private final CurrentHousehold current;
    private final BlockedDomainService blocks;
    private final IdempotentActions idempotent;

    BlockedDomainResource(CurrentHousehold current, BlockedDomainService blocks, IdempotentActions idempotent) {
        this.current = current;
        this.blocks = blocks;
        this.idempotent = idempotent;
    }

    @GET
    @Operation(operationId = "listBlockedDomains",
            summary = "List the household's blocked domains", description = "Ordered by domain.")
    @APIResponse(responseCode = "200", description = "A page of blocked domains",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = BlockedDomainDto.class),
                    examples = @ExampleObject(name = "one block", value = "[" + ApiExamples.BLOCKED_DOMAIN + "]")))
    public Response list(
            @Parameter(description = "Only blocks that apply to this device (its own, and those for every device"
                    + " it is not spared from)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("deviceId") String deviceId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit, UriInfo uri) {
        Optional<UUID> device = ApiProblems.uuid("deviceId", deviceId);
        var matching = blocks.list(current.require()).stream()
                .filter(b -> device.isEmpty() || (b.householdWide() ? !b.exemptDevices.contains(device.get())
                        : b.deviceId.equals(device.get())))
                .map(BlockedDomainDto::of).toList();
        return Pages.answer(Pages.of(matching, b -> b.domain() + "/" + b.id(), Pages.PageRequest.of(cursor, limit)),
                uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "blockDomain",
            summary = "Block a domain", description = "For every device, or for one; blocking what is already"
            + " blocked answers the existing block. The routers receive the whole list in the background.")
    @RequestBody(content = @Content(schema = @Schema(implementation = BlockRequest.class),
            examples = { @ExampleObject(name = "every device", value = ApiExamples.BLOCK_EVERY_DEVICE),
                    @ExampleObject(name = "one device", value = ApiExamples.BLOCK_ONE_DEVICE) }))
    @APIResponse(responseCode = "201", description = "Blocked; the Location header names the block",
            content = @Content(schema = @Schema(implementation = BlockedDomainDto.class),
                    examples = @ExampleObject(name = "blocked", value = ApiExamples.BLOCKED_DOMAIN)))
    public Response block(BlockRequest request, @HeaderParam(IdempotentActions.HEADER) String key, UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        BlockRequest wanted = request == null ? new BlockRequest(null, null) : request;
        return idempotent.run(household, key, "POST " + uri.getPath(), wanted, () -> {
            BlockedDomainDto block = BlockedDomainDto.of(blocks.block(household, wanted.domainName(), wanted.device(),
                    actor(), null));
            return Response.created(uri.getAbsolutePathBuilder().path(block.id().toString()).build())
                    .entity(block).build();
        });
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "unblockDomain", summary = "Lift a block",
            description = "The domain resolves again on the devices the block applied to; its exemptions go with it.")
    @APIResponse(responseCode = "204", description = "Lifted; the routers follow in the background")
    public Response unblock(@PathParam("id") UUID id, @HeaderParam(IdempotentActions.HEADER) String key,
            UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        return idempotent.run(household, key, "DELETE " + uri.getPath(), null, () -> {
            blocks.unblock(household, id, actor(), null);
            return Response.noContent().build();
        });
    }

    @POST
    @Path("/{id}/exemptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "exemptDeviceFromBlock", summary = "Spare a device from a block for every device",
            description = "Only a block for every device can spare one; sparing a device already spared changes"
                    + " nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ExemptionRequest.class),
            examples = @ExampleObject(name = "the laptop", value = ApiExamples.EXEMPTION)))
    @APIResponse(responseCode = "200", description = "The block as it is now",
            content = @Content(schema = @Schema(implementation = BlockedDomainDto.class),
                    examples = @ExampleObject(name = "with an exemption", value = ApiExamples.BLOCKED_DOMAIN)))
    public Response exempt(@PathParam("id") UUID id, ExemptionRequest request,
            @HeaderParam(IdempotentActions.HEADER) String key, UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        ExemptionRequest wanted = request == null ? new ExemptionRequest(null) : request;
        return idempotent.run(household, key, "POST " + uri.getPath(), wanted, () -> Response.ok(
                BlockedDomainDto.of(blocks.exempt(household, id, wanted.device(), true, actor(), null))).build());
    }

    @DELETE
    @Path("/{id}/exemptions/{deviceId}")
    @Operation(operationId = "removeBlockExemption",
            summary = "Stop sparing a device from a block for every device",
            description = "The block applies to the device again; a device that was not spared changes nothing.")
    @APIResponse(responseCode = "200", description = "The block as it is now",
            content = @Content(schema = @Schema(implementation = BlockedDomainDto.class),
                    examples = @ExampleObject(name = "without exemptions", value = ApiExamples.BLOCKED_DOMAIN)))
    public Response unexempt(@PathParam("id") UUID id, @PathParam("deviceId") UUID deviceId,
            @HeaderParam(IdempotentActions.HEADER) String key, UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        return idempotent.run(household, key, "DELETE " + uri.getPath(), null, () -> Response.ok(
                BlockedDomainDto.of(blocks.exempt(household, id, deviceId, false, actor(), null))).build());
    }

    private Actor actor() {
        return Actor.subscriber(current.subject());
    }
}
