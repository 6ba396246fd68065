package io.homeshield.provisioning;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import org.eclipse.microprofile.jwt.JsonWebToken;
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
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.http.EntityTags;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.lifecycle.ErasureService;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/provisioning/v1")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("provisioning")
@Tag(name = "Provisioning", description = "For the provider's customer and order systems only (a client with the"
        + " role provisioning; administrators and staff cannot call it): register households and the routers"
        + " installed there, move a router to another management channel, issue a router's telemetry secret and an"
        + " OpenWrt router's own management login. Every call is audited under the calling client's name.")
@APIResponse(responseCode = "401", description = "No valid bearer token")
@APIResponse(responseCode = "403", description = "The caller is not a provisioning client")
public class ProvisioningResource {

    private final ProvisioningService provisioning;
    private final FlowExporterProvisioning flowExporters;
    private final SecurityIdentity identity;
    private final ErasureService erasures;

    ProvisioningResource(ProvisioningService provisioning, FlowExporterProvisioning flowExporters,
            SecurityIdentity identity,
            ErasureService erasures) {
        this.provisioning = provisioning;
        this.erasures = erasures;
        this.flowExporters = flowExporters;
        this.identity = identity;
    }

    @POST
    @Path("/households")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerHousehold",
            summary = "Register a household", description = "When ownerSubject is given, the person with that"
            + " subject at the identity provider signs in straight to the household as its owner.")
    @RequestBody(content = @Content(schema = @Schema(implementation = HouseholdRegistration.class),
            examples = @ExampleObject(name = "a home", value = ProvisioningExamples.HOUSEHOLD_REGISTRATION)))
    @APIResponse(responseCode = "201", description = "Registered; the Location header names it",
            content = @Content(schema = @Schema(implementation = ProvisionedHousehold.class),
                    examples = @ExampleObject(name = "a home", value = ProvisioningExamples.HOUSEHOLD)))
    @APIResponse(responseCode = "400", description = "A field is missing or not valid; the problem names it")
    @APIResponse(responseCode = "409", description = "The account number, or the owner, is already registered")
    public Response register(HouseholdRegistration registration, UriInfo uri) {
        ProvisionedHousehold household = provisioning.register(registration, caller());
        return Response.created(uri.getAbsolutePathBuilder().path(household.id().toString()).build())
                .entity(household).build();
    }

    @GET
    @Path("/households")
    @Operation(operationId = "findHouseholds", summary = "Find a household by account number",
            description = "An empty list when no household has that account number.")
    @APIResponse(responseCode = "200", description = "The household with that account number, or none",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ProvisionedHousehold.class),
                    examples = @ExampleObject(name = "found", value = "[" + ProvisioningExamples.HOUSEHOLD + "]")))
    @APIResponse(responseCode = "400", description = "accountNumber is missing")
    public List<ProvisionedHousehold> find(@QueryParam("accountNumber") String accountNumber) {
        return provisioning.byAccountNumber(accountNumber);
    }

    @GET
    @Path("/households/{id}")
    @Operation(operationId = "getHousehold", summary = "Read a household and its routers",
            description = "Its account number, name, kind and every router registered at it.")
    @APIResponse(responseCode = "200", description = "The household",
            content = @Content(schema = @Schema(implementation = ProvisionedHousehold.class),
                    examples = @ExampleObject(name = "a home", value = ProvisioningExamples.HOUSEHOLD)))
    @APIResponse(responseCode = "404", description = "No such household")
    public ProvisionedHousehold household(@PathParam("id") UUID id) {
        return provisioning.household(id);
    }

    @DELETE
    @Path("/households/{id}")
    @Operation(operationId = "endHouseholdContract",
            summary = "End a household's contract: erase it after the grace period", description = "Every"
            + " personal record of the household is deleted once homeshield.erasure.grace-period has passed; until"
            + " then the erasure can be cancelled (DELETE on the erasure). HomeShield's quarantines and blocklists"
            + " are taken off the household's routers first, then the routers are deregistered; audit entries stay,"
            + " pseudonymised. Asking again changes nothing.")
    @APIResponse(responseCode = "202", description = "The erasure is scheduled; the Location header names it",
            content = @Content(schema = @Schema(implementation = ProvisionedErasure.class),
                    examples = @ExampleObject(name = "scheduled", value = ProvisioningExamples.ERASURE)))
    @APIResponse(responseCode = "404", description = "No such household")
    public Response erase(@PathParam("id") UUID household,
            @Parameter(description = "Why, kept in the audit log") @QueryParam("reason") String reason, UriInfo uri) {
        ProvisionedErasure erasure = ProvisionedErasure.of(
                erasures.request(new HouseholdId(household), caller(), reason));
        return Response.accepted(erasure).location(uri.getAbsolutePathBuilder().path("erasure").build()).build();
    }

    @GET
    @Path("/households/{id}/erasure")
    @Operation(operationId = "getHouseholdErasure", summary = "Read a household's scheduled erasure",
            description = "Whether it can still be cancelled, and when the grace period ends.")
    @APIResponse(responseCode = "200", description = "The erasure and when it is due",
            content = @Content(schema = @Schema(implementation = ProvisionedErasure.class),
                    examples = @ExampleObject(name = "scheduled", value = ProvisioningExamples.ERASURE)))
    @APIResponse(responseCode = "404", description = "No erasure is scheduled for this household (or it is complete)")
    public ProvisionedErasure erasure(@PathParam("id") UUID household) {
        return erasures.of(new HouseholdId(household)).map(ProvisionedErasure::of)
                .orElseThrow(() -> ProblemException.notFound("Erasure"));
    }

    @DELETE
    @Path("/households/{id}/erasure")
    @Operation(operationId = "cancelHouseholdErasure",
            summary = "Cancel a household's erasure within its grace period",
            description = "The household and its routers stay registered as they are; the reason is kept in the"
                    + " audit log.")
    @APIResponse(responseCode = "204", description = "Cancelled; the household stays as it is")
    @APIResponse(responseCode = "404", description = "No erasure is scheduled for this household")
    @APIResponse(responseCode = "409", description = "The grace period is over and the erasure has begun")
    public Response cancelErasure(@PathParam("id") UUID household,
            @Parameter(description = "Why, kept in the audit log") @QueryParam("reason") String reason) {
        if (!erasures.cancel(new HouseholdId(household), caller(), reason)) {
            throw ProblemException.notFound("Erasure");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/households/{id}/routers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerRouter",
            summary = "Register a router at the household", description = "The answer holds the router's"
            + " telemetry secret and, for an OPENWRT router, its own rpcd login (managementLogin) to install on it;"
            + " neither is shown again (issue new ones if they are lost). SIMULATED is refused outside development;"
            + " an OPENWRT ubus URL must be https unless its address is in a management network allowed for http.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RouterRegistration.class), examples = {
        @ExampleObject(name = "a USP router", value = ProvisioningExamples.ROUTER_REGISTRATION),
        @ExampleObject(name = "an OpenWrt router", value = ProvisioningExamples.OPENWRT_ROUTER_REGISTRATION) }))
    @APIResponse(responseCode = "201", description = "Registered; the Location header names the router",
            content = @Content(schema = @Schema(implementation = ProvisionedRouter.class), examples = {
                @ExampleObject(name = "with its secret", value = ProvisioningExamples.ROUTER_WITH_SECRET),
                @ExampleObject(name = "an OpenWrt router with its login",
                        value = ProvisioningExamples.OPENWRT_ROUTER_WITH_LOGIN) }))
    @APIResponse(responseCode = "400", description = "A field is missing or not valid for the channel")
    @APIResponse(responseCode = "404", description = "No such household")
    @APIResponse(responseCode = "409", description = "The serial number, or the management address, is taken")
    @APIResponse(responseCode = "503", description = "An OPENWRT router cannot be given a login: the operator has not"
            + " configured the key that keeps them")
    public Response addRouter(@PathParam("id") UUID household, RouterRegistration registration, UriInfo uri) {
        ProvisionedRouter router = provisioning.addRouter(household, registration, caller());
        return Response.created(uri.getBaseUriBuilder().path("api/provisioning/v1/routers")
                .path(router.id().toString()).build()).entity(router).header(HttpHeaders.ETAG, router.etag()).build();
    }

    @GET
    @Path("/routers/{id}")
    @Operation(operationId = "getRouter",
            summary = "Read a router", description = "The ETag stands for its channel, address and firmware;"
            + " send it back as If-Match when changing them.")
    @APIResponse(responseCode = "200", description = "The router",
            content = @Content(schema = @Schema(implementation = ProvisionedRouter.class),
                    examples = @ExampleObject(name = "over the ACS", value = ProvisioningExamples.ROUTER)))
    @APIResponse(responseCode = "404", description = "No such router")
    public Response router(@PathParam("id") UUID router) {
        ProvisionedRouter found = provisioning.router(router);
        return Response.ok(found).header(HttpHeaders.ETAG, found.etag()).build();
    }

    @PATCH
    @Path("/routers/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "changeRouter",
            summary = "Change a router's channel, address or firmware", description = "A router now reached"
            + " another way is sent the household's quarantines and blocked domains again. If-Match (the ETag"
            + " read, or *) is required: without it the answer is 428, with a stale one 412, and nothing changes.")
    @RequestBody(content = @Content(schema = @Schema(implementation = RouterChange.class),
            examples = @ExampleObject(name = "moved to the ACS", value = ProvisioningExamples.ROUTER_CHANGE)))
    @APIResponse(responseCode = "200", description = "The router as it is now",
            content = @Content(schema = @Schema(implementation = ProvisionedRouter.class),
                    examples = @ExampleObject(name = "moved to the ACS", value = ProvisioningExamples.ROUTER)))
    @APIResponse(responseCode = "400", description = "A field is not valid for the channel")
    @APIResponse(responseCode = "404", description = "No such router")
    @APIResponse(responseCode = "409", description = "Another router is registered at that address")
    @APIResponse(responseCode = "503", description = "The router moves to OPENWRT but cannot be given a login: the"
            + " operator has not configured the key that keeps them")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current; nothing"
            + " changed")
    @APIResponse(responseCode = "428", description = "If-Match is missing; nothing changed")
    public Response change(@PathParam("id") UUID router, RouterChange change,
            @Parameter(description = "The ETag read before, or *", required = true)
            @HeaderParam(EntityTags.IF_MATCH) String ifMatch) {
        ProvisionedRouter changed = provisioning.change(router, change, ifMatch, caller());
        return Response.ok(changed).header(HttpHeaders.ETAG, changed.etag()).build();
    }

    @POST
    @Path("/routers/{id}/secret")
    @Operation(operationId = "issueRouterSecret",
            summary = "Issue a new telemetry secret", description = "The old secret stops working at once.")
    @APIResponse(responseCode = "200", description = "The router with its new secret, shown once",
            content = @Content(schema = @Schema(implementation = ProvisionedRouter.class),
                    examples = @ExampleObject(name = "with its secret",
                            value = ProvisioningExamples.ROUTER_WITH_SECRET)))
    @APIResponse(responseCode = "404", description = "No such router")
    public ProvisionedRouter newSecret(@PathParam("id") UUID router) {
        return provisioning.newSecret(router, caller());
    }

    @GET
    @Path("/routers/{id}/flow-exporters")
    @Operation(operationId = "listFlowExporters",
            summary = "List a router's flow exporter addresses", description = "The flow collector reads"
            + " IPFIX and NetFlow v9 datagrams only from registered addresses; every other source is ignored.")
    @APIResponse(responseCode = "200", description = "The addresses the router exports from",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY,
                    implementation = ProvisionedFlowExporter.class),
                    examples = @ExampleObject(name = "one address", value = "[" + ProvisioningExamples.FLOW_EXPORTER
                            + "]")))
    @APIResponse(responseCode = "404", description = "No such router")
    public List<ProvisionedFlowExporter> flowExporters(@PathParam("id") UUID router) {
        return flowExporters.list(router);
    }

    @POST
    @Path("/routers/{id}/flow-exporters")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerFlowExporter",
            summary = "Register an address the router's flow export comes from", description = "Registering"
            + " the router's own address again changes nothing. Flows alone never quarantine a device"
            + " automatically: UDP sources can be forged.")
    @RequestBody(content = @Content(schema = @Schema(implementation = FlowExporterRegistration.class),
            examples = @ExampleObject(name = "the WAN address",
                    value = ProvisioningExamples.FLOW_EXPORTER_REGISTRATION)))
    @APIResponse(responseCode = "201", description = "Registered; the Location header names it",
            content = @Content(schema = @Schema(implementation = ProvisionedFlowExporter.class),
                    examples = @ExampleObject(name = "registered", value = ProvisioningExamples.FLOW_EXPORTER)))
    @APIResponse(responseCode = "400", description = "address is missing, not an address literal, or not unicast")
    @APIResponse(responseCode = "404", description = "No such router")
    @APIResponse(responseCode = "409", description = "Another router exports from that address, or the router"
            + " has as many exporter addresses as allowed")
    public Response addFlowExporter(@PathParam("id") UUID router, FlowExporterRegistration registration,
            UriInfo uri) {
        ProvisionedFlowExporter exporter = flowExporters.register(router, registration, caller());
        return Response.created(uri.getAbsolutePathBuilder().path(exporter.address()).build()).entity(exporter)
                .build();
    }

    @DELETE
    @Path("/routers/{id}/flow-exporters/{address}")
    @Operation(operationId = "removeFlowExporter",
            summary = "Remove a flow exporter address", description = "Datagrams from it are ignored from"
            + " then on (other replicas notice within the collector's lookup cache time).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The router has no such exporter address")
    public Response removeFlowExporter(@PathParam("id") UUID router, @PathParam("address") String address) {
        flowExporters.remove(router, address, caller());
        return Response.noContent().build();
    }

    @POST
    @Path("/routers/{id}/management-login")
    @Operation(operationId = "issueManagementLogin",
            summary = "Issue a new management login for an OpenWrt router", description = "HomeShield signs in"
            + " with the new login from now on; install it on the router at once.")
    @APIResponse(responseCode = "200", description = "The router with its new login, shown once",
            content = @Content(schema = @Schema(implementation = ProvisionedRouter.class), examples = @ExampleObject(
                    name = "with its login", value = ProvisioningExamples.OPENWRT_ROUTER_WITH_LOGIN)))
    @APIResponse(responseCode = "404", description = "No such router")
    @APIResponse(responseCode = "409", description = "The router is not managed over OPENWRT")
    public ProvisionedRouter newManagementLogin(@PathParam("id") UUID router) {
        return provisioning.newManagementLogin(router, caller());
    }

    /** A client-credentials token's subject is an opaque service-account id; the audit names the client instead. */
    private Actor caller() {
        String name = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("azp") != null) {
            name = token.getClaim("azp").toString();
        }
        return new Actor(name, "provisioning");
    }
}
