package io.homeshield.testsupport;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens from the OpenID Connect server the tests run against (password grant). */
public final class Tokens {

    private Tokens() {
    }

    public static String accessToken(String user) {
        String issuer = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        String clientId = ConfigProvider.getConfig().getValue("quarkus.oidc.client-id", String.class);
        return given().formParam("grant_type", "password").formParam("username", user).formParam("password", user)
                .formParam("client_id", clientId)
                .when().post(issuer + "/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
