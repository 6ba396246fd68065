package io.homeshield.provisioning;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import io.homeshield.infra.http.RoleSchemes;
import io.homeshield.infra.problem.ProblemDocumentation;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Every error answer of the provisioning API is documented as problem+json with an example, and the token
 * it takes, written once here.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProvisioningDocumentation implements OASFilter {

    static final String PREFIX = "/api/provisioning/v1";

    private static final Map<String, String> EXAMPLES = Map.of(
            "400", ProvisioningExamples.INVALID,
            "401", ProvisioningExamples.UNAUTHENTICATED,
            "403", ProvisioningExamples.FORBIDDEN,
            "404", ProvisioningExamples.NOT_FOUND,
            "409", ProvisioningExamples.CONFLICT,
            "412", ProvisioningExamples.PRECONDITION_FAILED,
            "428", ProvisioningExamples.PRECONDITION_REQUIRED,
            "503", ProvisioningExamples.UNAVAILABLE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        RoleSchemes.declare(openAPI, PREFIX, "provisioning", "An access token of the provider's identity server"
                + " (its discovery document is the " + RoleSchemes.IDENTITY_SERVER + " scheme's) for one of the"
                + " provider's own systems, from the client-credentials grant of a client whose service account has"
                + " the role provisioning. Every call is audited under the client's name.");
        ProblemDocumentation.forEachOperation(openAPI, PREFIX, (path, method, operation) -> operation.getResponses()
                .getAPIResponses().forEach((status, response) -> {
                    if (EXAMPLES.containsKey(status)) {
                        ProblemDocumentation.asProblem(response, EXAMPLES.get(status));
                    }
                }));
    }
}
