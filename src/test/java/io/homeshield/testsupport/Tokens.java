package io.homeshield.testsupport;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Real access tokens from the identity server the tests run against (the in-process OIDC server),
 * obtained with the password grant of the configured client.
 */
public final class Tokens {

    private Tokens() {
    }

    public static String accessToken(String user) {
        Config config = ConfigProvider.getConfig();
        String issuer = config.getValue("quarkus.oidc.auth-server-url", String.class);
        String tokenEndpoint = given().get(issuer + "/.well-known/openid-configuration")
                .then().statusCode(200).extract().path("token_endpoint");
        return given()
                .formParam("grant_type", "password")
                .formParam("username", user)
                .formParam("password", user)
                .formParam("client_id", config.getValue("quarkus.oidc.client-id", String.class))
                .formParam("client_secret", config.getValue("quarkus.oidc.credentials.secret", String.class))
                .post(tokenEndpoint)
                .then().statusCode(200).extract().path("access_token");
    }
}
