package io.homeshield.api.v1;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;

/** The mobile apps authenticate with bearer tokens; everything else gets a problem, never a login page. */
@QuarkusTest
class ApiAuthenticationTest {

    @Test
    void withoutATokenTheApiAnswers401ProblemNotARedirectToTheLoginPage() {
        for (String path : new String[] { "/api/v1/devices", "/api/v1/alerts", "/api/v1/actions/"
                + UUID.randomUUID() }) {
            given().redirects().follow(false)
                    .when().get(path)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("status", equalTo(401))
                    .body("type", equalTo("https://homeshield.io/problems/unauthenticated"))
                    .body("instance", equalTo(path));
        }
        given().redirects().follow(false).contentType("application/json").body("{}")
                .when().post("/api/v1/devices/" + UUID.randomUUID() + "/quarantine")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void pagesStillSendThePersonToTheLoginPage() {
        given().redirects().follow(false)
                .when().get("/portal")
                .then().statusCode(302);
    }

    @Test
    void aSessionCookieIsNotAcceptedInPlaceOfABearerToken() {
        given().redirects().follow(false).cookie("q_session", "some-portal-session")
                .when().get("/api/v1/devices")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenThatIsNotValidIsAnswered401Problem() {
        given().redirects().follow(false).auth().oauth2("not.a.token")
                .when().get("/api/v1/devices")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void aRealAccessTokenOfASubscriberOpensTheirHousehold() {
        Fixtures.TestHousehold household = Fixtures.household("alice");
        Device camera = Fixtures.device(household, "api-auth-camera", DeviceType.CAMERA);
        String token = Tokens.accessToken("alice");

        given().auth().oauth2(token)
                .when().get("/api/v1/devices/" + camera.id)
                .then().statusCode(200)
                .body("name", equalTo("api-auth-camera"))
                .body("mac", equalTo(camera.mac));
        given().auth().oauth2(token)
                .when().get("/api/v1/devices")
                .then().statusCode(200)
                .body("id", hasItem(camera.id.toString()));
        given().auth().oauth2(token).contentType("application/json").body("{\"duration\":\"PT30M\"}")
                .when().post("/api/v1/devices/" + camera.id + "/quarantine")
                .then().statusCode(202)
                .body("kind", equalTo("QUARANTINE"));
    }

    @Test
    void staffTokensWithoutASubscriberRoleAreForbidden() {
        for (String user : new String[] { "sam", "ana" }) {
            given().auth().oauth2(Tokens.accessToken(user))
                    .when().get("/api/v1/devices")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
    }

    @Test
    @TestSecurity(user = "api-auth-nobody", roles = "subscriber")
    void aSubscriberWhoseSignInIsNotLinkedToAHouseholdIsForbidden() {
        given().when().get("/api/v1/devices")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("This sign-in is not linked to a household."));
    }

    @Test
    void theOpenApiDocumentTellsAppsToSendATokenOfTheIdentityServer() {
        RestAssured.given().accept("application/json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("components.securitySchemes.identityServer.type", equalTo("openIdConnect"))
                .body("components.securitySchemes.subscriber.scheme", equalTo("bearer"))
                .body("paths.'/api/v1/devices'.get.security[0].subscriber", empty())
                .body("paths.'/api/v1/devices'.get.responses.'401'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/devices/{id}/quarantine'.post.responses", hasKey("202"))
                .body("paths.'/api/v1/devices/{id}/quarantine'.post.tags", hasItem("Actions"))
                .body("paths.'/api/v1/alerts/{id}'.get.tags", hasItem("Alerts"))
                .body("paths.'/api/v1/alerts/{id}'.get.responses.'200'.content.'application/json'.examples"
                        + ".'camera contacting a malware host'.value.evidence.feed", equalTo("urlhaus"))
                .body("paths.'/api/v1/devices/{id}'.get.responses.'200'.content.'application/json'.examples"
                        + ".'quarantined camera'.value.quarantine.level", equalTo("FULL"));
    }
}
