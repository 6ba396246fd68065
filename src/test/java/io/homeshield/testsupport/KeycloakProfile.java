package io.homeshield.testsupport;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Tests that sign in with the real Keycloak ({@link KeycloakServer}) instead of the in-process OIDC server. */
public class KeycloakProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakTestResource.class));
    }
}
