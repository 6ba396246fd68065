package io.homeshield.infra.http;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.homeshield.infra.problem.ProblemDocumentation;

/**
 * How an API's OpenAPI document says who may call an operation. The framework lists the roles of
 * {@code @RolesAllowed} as scopes of its OpenID Connect scheme; they are not scopes, and generated
 * clients and linters read them as scopes to ask the identity server for. Instead each role is a
 * bearer-token scheme of its own, named after the role and saying where such a token comes from,
 * and an operation requires that scheme without scopes. {@code @RolesAllowed} stays the one place
 * that decides.
 */
public final class RoleSchemes {

    /** The framework's scheme ({@code quarkus.smallrye-openapi.security-scheme-name}): the identity server. */
    public static final String IDENTITY_SERVER = "identityServer";

    private RoleSchemes() {
    }

    /** Declares the role's scheme and makes every operation under the prefix that allows the role require it. */
    public static void declare(OpenAPI openAPI, String prefix, String role, String description) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme(role, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT").description(description));
        ProblemDocumentation.forEachOperation(openAPI, prefix, (path, method, operation) -> {
            if (operation.getSecurity() != null) {
                operation.setSecurity(operation.getSecurity().stream()
                        .flatMap(requirement -> byRole(requirement, role).stream()).toList());
            }
        });
    }

    private static List<SecurityRequirement> byRole(SecurityRequirement requirement, String role) {
        List<String> roles = requirement.getScheme(IDENTITY_SERVER);
        if (roles == null || !roles.contains(role)) {
            return List.of(requirement);
        }
        List<SecurityRequirement> each = new ArrayList<>();
        for (String allowed : roles) {
            each.add(OASFactory.createSecurityRequirement().addScheme(allowed));
        }
        return each;
    }
}
