package io.homeshield.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the application at the run's real Keycloak instead of the in-process OIDC server: the web
 * client (confidential) for browser sign-in, roles from the access token, and the API tenant
 * requiring HomeShield's audience, exactly as in production.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KeycloakServer keycloak = KeycloakServer.shared();
        return Map.of(
                "quarkus.oidc.devservices.enabled", "false",
                "quarkus.oidc.authentication.pkce-required", "true",
                "quarkus.oidc.auth-server-url", keycloak.realmUrl(),
                "quarkus.oidc.client-id", KeycloakServer.WEB_CLIENT,
                "quarkus.oidc.credentials.secret", KeycloakServer.WEB_SECRET,
                "quarkus.oidc.roles.source", "accesstoken",
                "quarkus.oidc.api.auth-server-url", keycloak.realmUrl(),
                "quarkus.oidc.api.token.audience", KeycloakServer.WEB_CLIENT);
    }

    @Override
    public void stop() {
        // shared by every test that signs in with Keycloak; it stops when the test run ends
    }
}
