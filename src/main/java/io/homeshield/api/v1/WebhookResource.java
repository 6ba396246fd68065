package io.homeshield.api.v1;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
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

import io.homeshield.audit.Actor;
import io.homeshield.household.CurrentHousehold;
import io.homeshield.household.HouseholdId;
import io.homeshield.webhook.WebhookService;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("subscriber")
@Tag(name = "Webhooks", description = "Events posted to a receiver of the household's choice, signed:"
        + " header HomeShield-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" keyed with the"
        + " webhook's secret>. Verify it in constant time and refuse timestamps more than 5 minutes old."
        + " A delivery that is not answered 2xx within 10 seconds is retried with growing pauses (10 s doubling,"
        + " at most an hour apart, 8 attempts); HomeShield-Delivery identifies it across retries.")
public class WebhookResource {

    private final CurrentHousehold current;
    private final WebhookService webhooks;
    private final IdempotentActions idempotent;

    WebhookResource(CurrentHousehold current, WebhookService webhooks, IdempotentActions idempotent) {
        this.current = current;
        this.webhooks = webhooks;
        this.idempotent = idempotent;
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List the household's webhooks",
            description = "Oldest first; the signing secrets are not shown again.")
    @APIResponse(responseCode = "200", description = "The webhooks (at most " + WebhookService.MAX_PER_HOUSEHOLD + ")",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookDto.class),
                    examples = @ExampleObject(name = "a home hub", value = "[" + ApiExamples.WEBHOOK + "]")))
    public List<WebhookDto> list() {
        return webhooks.list(current.require()).stream().map(WebhookDto::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerWebhook",
            summary = "Register a webhook", description = "By the owner or a co-admin. The answer holds the"
            + " signing secret; it is not shown again.")
    @RequestBody(content = @Content(schema = @Schema(implementation = WebhookRegistration.class),
            examples = @ExampleObject(name = "a home hub", value = ApiExamples.WEBHOOK_REGISTRATION)))
    @APIResponse(responseCode = "201", description = "Registered; the Location header names the webhook",
            content = @Content(schema = @Schema(implementation = WebhookDto.class),
                    examples = @ExampleObject(name = "with its secret", value = ApiExamples.WEBHOOK_CREATED)))
    public Response register(@Valid WebhookRegistration registration, @HeaderParam(IdempotentActions.HEADER) String key,
            UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        WebhookRegistration wanted = registration == null ? new WebhookRegistration(null, null) : registration;
        return idempotent.run(household, key, "POST " + uri.getPath(), wanted, () -> {
            WebhookDto webhook = WebhookDto.withSecret(webhooks.register(household, wanted.url(), wanted.eventTypes(),
                    actor()));
            return Response.created(uri.getAbsolutePathBuilder().path(webhook.id().toString()).build())
                    .entity(webhook).build();
        });
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "removeWebhook", summary = "Remove a webhook",
            description = "By the owner or a co-admin; pending deliveries are dropped.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("id") UUID id, @HeaderParam(IdempotentActions.HEADER) String key,
            UriInfo uri) {
        HouseholdId household = current.requireCanAct();
        return idempotent.run(household, key, "DELETE " + uri.getPath(), null, () -> {
            webhooks.remove(household, id, actor());
            return Response.noContent().build();
        });
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries",
            summary = "The webhook's delivery log", description = "Newest first, each with every attempt.")
    @APIResponse(responseCode = "200", description = "A page of deliveries",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryDto.class),
                    examples = @ExampleObject(name = "delivered on the second attempt",
                            value = "[" + ApiExamples.DELIVERY + "]")))
    public Response deliveries(@PathParam("id") UUID id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit, UriInfo uri) {
        HouseholdId household = current.require();
        Pages.PageRequest page = Pages.PageRequest.of(cursor, limit);
        Pages.TimePosition after = Pages.TimePosition.after(page);
        var fetched = webhooks.deliveries(household, id, after == null ? null : after.at(),
                after == null ? null : after.id(), page.limit() + 1);
        var deliveries = Pages.cut(fetched, d -> Pages.newestFirst(d.createdAt, d.id), page.limit());
        var attempts = webhooks.attempts(deliveries.items().stream().map(d -> d.id).toList());
        return Pages.answer(deliveries.map(d -> DeliveryDto.of(d, attempts.getOrDefault(d.id, List.of()))), uri);
    }

    private Actor actor() {
        return Actor.subscriber(current.subject());
    }
}
