package io.homeshield.api.v1;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.homeshield.infra.http.RoleSchemes;
import io.homeshield.infra.problem.ProblemDocumentation;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The parts of the API's contract every operation shares, written once: the error answers (RFC 9457
 * problem+json with an example, each where the operation can give it), and the meaning of the
 * Idempotency-Key, If-Match, cursor and limit parameters, and the token every operation takes.
 * Resources declare only their success answers and what is particular to them.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiDocumentation implements OASFilter {

    static final String PREFIX = "/api/v1";

    private record Error(String description, String example) {
    }

    private static final Map<String, Error> ERRORS = Map.of(
            "400", new Error("A parameter or the body is not valid; the problem names the field and why",
                    ApiExamples.INVALID),
            "401", new Error("No valid bearer token (missing, expired, forged, or for another audience)",
                    ApiExamples.UNAUTHENTICATED),
            "403", new Error("Not a subscriber linked to a household, or the person's household role does not"
                    + " allow this", ApiExamples.FORBIDDEN),
            "404", new Error("Not found in the person's household", ApiExamples.NOT_FOUND),
            "409", new Error("Conflicts with the current state", ApiExamples.CONFLICT),
            "412", new Error("If-Match names a version that is no longer current; nothing changed",
                    ApiExamples.PRECONDITION_FAILED),
            "428", new Error("If-Match is missing: a change must name the version it was made from; nothing changed",
                    ApiExamples.PRECONDITION_REQUIRED),
            "429", new Error("The person holds the most live streams allowed already", ApiExamples.TOO_MANY_STREAMS),
            "422", new Error("The Idempotency-Key was already used for a different request",
                    ApiExamples.IDEMPOTENCY_KEY_REUSED));

    private static final Map<String, String> PARAMETERS = Map.of(
            IdempotentActions.HEADER, "Makes a retry safe: the same key (up to " + IdempotentActions.MAX_KEY_LENGTH
                    + " characters, unique per household) with the same request answers the first result again,"
                    + " marked Idempotent-Replayed: true, and does not act twice; with a different request it is"
                    + " answered 422.",
            ETags.IF_MATCH, "The ETag read before (or *); if the resource changed since, the answer is 412 and"
                    + " nothing changes. Required: without it the answer is 428.",
            "cursor", "Where the page starts: the cursor of the previous page's Link rel=\"next\" (opaque); absent"
                    + " for the first page.",
            "limit", "How many items a page holds, 1 to " + Pages.MAX_LIMIT + " (default " + Pages.DEFAULT_LIMIT
                    + "). When more follow, the answer has a Link: <…>; rel=\"next\" header.");

    static final String SUBSCRIBER = "subscriber";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        RoleSchemes.declare(openAPI, PREFIX, SUBSCRIBER, "An access token of the provider's identity server (its"
                + " discovery document is the " + RoleSchemes.IDENTITY_SERVER + " scheme's) for a person signed in"
                + " to an app, carrying the role subscriber and the API's audience. The household is the one the"
                + " person belongs to; what they may change depends on their household role.");
        ProblemDocumentation.forEachOperation(openAPI, PREFIX, ApiDocumentation::document);
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        List<Parameter> parameters = Optional.ofNullable(operation.getParameters()).orElse(List.of());
        parameters.stream().filter(p -> PARAMETERS.containsKey(p.getName()) && p.getDescription() == null)
                .forEach(p -> p.setDescription(PARAMETERS.get(p.getName())));
        parameters.stream().filter(p -> "limit".equals(p.getName())).forEach(p -> p.setSchema(OASFactory.createSchema()
                .addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(Pages.MAX_LIMIT))));
        boolean hasInput = operation.getRequestBody() != null
                || parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH
                        && !EventResource.LAST_EVENT_ID.equals(p.getName())); // an unknown one is answered by a reset
        APIResponses responses = operation.getResponses();
        if (hasInput || path.contains("{")) {
            add(responses, "400");
        }
        add(responses, "401");
        add(responses, "403");
        if (path.contains("{")) {
            add(responses, "404");
        }
        if (parameters.stream().anyMatch(p -> ETags.IF_MATCH.equals(p.getName()))) {
            parameters.stream().filter(p -> ETags.IF_MATCH.equals(p.getName())).forEach(p -> p.setRequired(true));
            add(responses, "412");
            add(responses, "428");
        }
        if (path.equals(PREFIX + "/events")) {
            add(responses, "429");
        }
        if (parameters.stream().anyMatch(p -> IdempotentActions.HEADER.equals(p.getName()))) {
            add(responses, "422");
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                problemContent(status, response);
            }
        });
    }

    private static void add(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status,
                    OASFactory.createAPIResponse().description(ERRORS.get(status).description()));
        }
    }

    /** Every error is problem+json with the Problem schema and an example. */
    private static void problemContent(String status, APIResponse response) {
        Error error = ERRORS.get(status);
        if (response.getDescription() == null && error != null) {
            response.setDescription(error.description());
        }
        ProblemDocumentation.asProblem(response, error == null ? null : error.example());
    }
}
