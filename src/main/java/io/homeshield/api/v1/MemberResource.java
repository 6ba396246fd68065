package io.homeshield.api.v1;

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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.household.HouseholdInvitation;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.InvitationLinks;
import io.homeshield.household.MemberService;

/** Members and invitations; the owner and co-admins change them, every member sees them. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("subscriber")
@Tag(name = "Members", description = "Who belongs to the household, and who is invited")
public class MemberResource {

    private final CurrentHousehold current;
    private final MemberService administration;
    private final IdempotentActions idempotent;

    MemberResource(CurrentHousehold current, MemberService administration, IdempotentActions idempotent) {
        this.current = current;
        this.administration = administration;
        this.idempotent = idempotent;
    }

    @GET
    @Path("/members")
    @Operation(operationId = "listMembers",
            summary = "List the household's members", description = "Ordered by when they joined.")
    @APIResponse(responseCode = "200", description = "A page of members",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = MemberDto.class),
                    examples = @ExampleObject(name = "the owner", value = "[" + ApiExamples.MEMBER + "]")))
    public Response members(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit, UriInfo uri) {
        HouseholdId household = current.require();
        var members = HouseholdMember.listOf(household).stream().map(m -> MemberDto.of(m, current.subject())).toList();
        return Pages.answer(Pages.of(members, m -> m.joinedAt() + "/" + m.id(), Pages.PageRequest.of(cursor, limit)),
                uri);
    }

    @DELETE
    @Path("/members/{id}")
    @Operation(operationId = "removeMember",
            summary = "Remove a member", description = "By the owner or a co-admin; the owner cannot be removed,"
            + " and nobody removes themselves here.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("id") UUID id, @HeaderParam(IdempotentActions.HEADER) String key,
            UriInfo uri) {
        HouseholdMember me = me();
        return idempotent.run(current.require(), key, "DELETE " + uri.getPath(), null, () -> {
            administration.remove(me, id);
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/invitations")
    @Operation(operationId = "listInvitations",
            summary = "List the household's pending invitations", description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "A page of invitations",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = InvitationDto.class),
                    examples = @ExampleObject(name = "one invitation", value = "[" + ApiExamples.INVITATION + "]")))
    public Response invitations(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
            UriInfo uri) {
        var pending = administration.pendingIn(current.require()).stream().map(InvitationDto::of).toList();
        return Pages.answer(Pages.of(pending, i -> i.createdAt() + "/" + i.id(), Pages.PageRequest.of(cursor, limit)),
                uri);
    }

    @POST
    @Path("/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "inviteMember",
            summary = "Invite someone", description = "By the owner or a co-admin. The invitee accepts in the"
            + " portal, signed in with the invited sign-in name or an e-mail address their identity provider has"
            + " verified, or through the link in the answer (shown once), which the inviter sends to the address.")
    @RequestBody(content = @Content(schema = @Schema(implementation = InvitationRequest.class),
            examples = @ExampleObject(name = "a member", value = ApiExamples.INVITE)))
    @APIResponse(responseCode = "201", description = "Invited; the Location header names the invitation",
            content = @Content(schema = @Schema(implementation = InvitationDto.class),
                    examples = @ExampleObject(name = "invited", value = ApiExamples.INVITATION_ISSUED)))
    @APIResponse(responseCode = "409", description = "The person already belongs to a household, or is invited")
    public Response invite(InvitationRequest request, @HeaderParam(IdempotentActions.HEADER) String key,
            UriInfo uri) {
        HouseholdMember me = me();
        InvitationRequest wanted = request == null ? new InvitationRequest(null, null) : request;
        return idempotent.run(current.require(), key, "POST " + uri.getPath(), wanted, () -> {
            HouseholdInvitation issued = administration.invite(me, wanted.invitee(), wanted.memberRole());
            InvitationDto invitation = InvitationDto.issued(issued, InvitationLinks.of(uri, issued));
            return Response.created(uri.getAbsolutePathBuilder().path(invitation.id().toString()).build())
                    .entity(invitation).build();
        });
    }

    @DELETE
    @Path("/invitations/{id}")
    @Operation(operationId = "withdrawInvitation",
            summary = "Withdraw an invitation", description = "By the owner or a co-admin.")
    @APIResponse(responseCode = "204", description = "Withdrawn")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(IdempotentActions.HEADER) String key,
            UriInfo uri) {
        HouseholdMember me = me();
        return idempotent.run(current.require(), key, "DELETE " + uri.getPath(), null, () -> {
            administration.cancel(me, id);
            return Response.noContent().build();
        });
    }

    private HouseholdMember me() {
        current.require();
        return current.membership().orElseThrow();
    }
}
