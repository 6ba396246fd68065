package io.homeshield.household;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.BrowserSession;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.KeycloakProfile;
import io.homeshield.testsupport.KeycloakServer;
import io.homeshield.testsupport.KeycloakServer.User;
import io.homeshield.testsupport.Lanes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Sign-in through the real Keycloak with the project's realm export: the mobile client's bearer
 * tokens for the API (household by the token's subject, staff roles, audience and expiry checked),
 * and the browser's code flow through Keycloak's own login page into the portal.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
@Tag(Lanes.KEYCLOAK)
@Tag(Lanes.BROWSER)
class KeycloakSignInTest {

    @TestHTTPResource("/")
    URL site;

    Device alicesCamera;
    Device bobsTv;

    @BeforeEach
    void households() {
        QuarkusTransaction.requiringNew().run(() -> HouseholdMember.delete("subject in ?1",
                java.util.List.of(KeycloakServer.ALICE.subject(), KeycloakServer.BOB.subject())));
        alicesCamera = Fixtures.device(Fixtures.household(KeycloakServer.ALICE.subject()), "kc-ipcam",
                DeviceType.CAMERA);
        bobsTv = Fixtures.device(Fixtures.household(KeycloakServer.BOB.subject()), "kc-tv", DeviceType.TV);
    }

    @Test
    void aSubscribersMobileTokenReadsOnlyTheirHousehold() {
        String alice = token(KeycloakServer.ALICE, KeycloakServer.MOBILE_CLIENT);
        given().auth().oauth2(alice).when().get("/api/v1/devices")
                .then().statusCode(200).body("name", contains("kc-ipcam"));
        given().auth().oauth2(alice).when().get("/api/v1/devices/" + bobsTv.id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token(KeycloakServer.BOB, KeycloakServer.MOBILE_CLIENT)).when().get("/api/v1/devices")
                .then().statusCode(200).body("name", contains("kc-tv"));
    }

    @Test
    void staffRolesFromKeycloakApply() {
        String sam = token(KeycloakServer.SAM, KeycloakServer.MOBILE_CLIENT);
        given().auth().oauth2(sam).when().get("/api/v1/devices")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(sam).redirects().follow(false).when().get("/admin")
                .then().statusCode(not(equalTo(403))).statusCode(not(equalTo(401)));
        given().auth().oauth2(token(KeycloakServer.ALICE, KeycloakServer.MOBILE_CLIENT)).redirects().follow(false)
                .when().get("/admin").then().statusCode(403);
    }

    @Test
    void aTokenForAnotherAudienceOrAnExpiredOneIsRefused() throws InterruptedException {
        given().auth().oauth2(token(KeycloakServer.ALICE, KeycloakServer.PARTNER_CLIENT)).when().get("/api/v1/devices")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("https://homeshield.io/problems/unauthenticated"));

        String shortLived = token(KeycloakServer.ALICE, KeycloakServer.SHORT_LIVED_CLIENT);
        given().auth().oauth2(shortLived).when().get("/api/v1/devices").then().statusCode(200);
        Thread.sleep(3_500); // the client's tokens live two seconds
        given().auth().oauth2(shortLived).when().get("/api/v1/devices")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theBrowserSignsInThroughKeycloaksLoginPage() {
        try (BrowserSession browser = BrowserSession.launch()) {
            Page page = browser.newPage();
            page.navigate(site.toString() + "portal/devices");
            page.waitForURL(Pattern.compile(".*/realms/" + KeycloakServer.REALM + "/.*"));
            page.locator("#username").fill(KeycloakServer.ALICE.name());
            page.locator("#password").fill(KeycloakServer.ALICE.name());
            page.locator("#kc-login").click();
            page.waitForURL(Pattern.compile(Pattern.quote(site.getHost()) + ":" + site.getPort()
                    + "/portal/devices.*"));
            assertThat(page.content(), containsString("kc-ipcam"));
            assertThat(page.content(), not(containsString("kc-tv")));
            BrowserSession.screenshot(page, "keycloak-signed-in-devices");
        }
    }

    @Test
    void theProviderSystemsRegisterAHouseholdWithTheProvisioningClientsOwnToken() {
        String crm = given().formParam("grant_type", "client_credentials")
                .formParam("client_id", KeycloakServer.PROVISIONING_CLIENT)
                .formParam("client_secret", KeycloakServer.PROVISIONING_SECRET)
                .when().post(KeycloakServer.shared().realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String account = "KC-" + java.util.UUID.randomUUID().toString().substring(0, 8);

        given().auth().oauth2(crm).contentType("application/json")
                .body("{\"accountNumber\":\"" + account + "\",\"displayName\":\"Keycloak Home\"}")
                .when().post("/api/provisioning/v1/households").then().statusCode(201);
        given().auth().oauth2(token(KeycloakServer.ALICE, KeycloakServer.MOBILE_CLIENT))
                .queryParam("accountNumber", account).when().get("/api/provisioning/v1/households")
                .then().statusCode(403);
        assertEquals(1L, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                io.homeshield.audit.AuditEntry.count("actor = ?1 and action = ?2 and target = ?3",
                        KeycloakServer.PROVISIONING_CLIENT, "household.register", account)),
                "audited under the client's name");
    }

    private static String token(User user, String client) {
        return given().formParam("grant_type", "password").formParam("client_id", client)
                .formParam("username", user.name()).formParam("password", user.name())
                .when().post(KeycloakServer.shared().realmUrl() + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
