package io.homeshield.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URL;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = "portal-csrf-owner", roles = "subscriber")
class PortalCsrfTest {

    @Inject
    CsrfTokens tokens;

    @TestHTTPResource("/")
    URL site;

    @Test
    void theFormCookieIsHttpOnlyAndSameSiteStrict() {
        Device device = device("csrf-cookie-laptop");

        given().get("/portal/devices/" + device.id).then().statusCode(200)
                .header("Set-Cookie", allOf(containsString(CsrfTokens.COOKIE + "="), containsString("HttpOnly"),
                        containsString("SameSite=Strict"), containsString("Path=/")));
    }

    @Test
    void aPostWithoutATokenIsRefusedAndChangesNothing() {
        Device device = device("csrf-missing-camera");
        PortalForms.Form form = PortalForms.from("/portal/devices/" + device.id + "/quarantine");

        given().redirects().follow(false).cookie(CsrfTokens.COOKIE, form.cookie()).formParam("duration", "1h")
                .post("/portal/devices/" + device.id + "/quarantine")
                .then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("nothing was changed"));

        assertNothingStored(device);
    }

    @Test
    void aPostWithAWrongTokenIsRefusedAndChangesNothing() {
        Device device = device("csrf-wrong-camera");
        PortalForms.Form form = PortalForms.from("/portal/devices/" + device.id + "/quarantine");

        new PortalForms.Form(form.cookie(), "AAAA" + form.token().substring(4), null).post()
                .formParam("duration", "1h").post("/portal/devices/" + device.id + "/quarantine")
                .then().statusCode(403);
        // the right token without its cookie, as a forged cross-site form would send it
        given().redirects().follow(false).formParam("_csrf", form.token()).formParam("duration", "1h")
                .post("/portal/devices/" + device.id + "/quarantine")
                .then().statusCode(403);
        // a token issued to someone else is worthless here
        new PortalForms.Form(form.cookie(), tokens.tokenFor(form.cookie(), "portal-csrf-someone-else"), null).post()
                .formParam("duration", "1h").post("/portal/devices/" + device.id + "/quarantine")
                .then().statusCode(403);
        new PortalForms.Form(form.cookie(), form.token(), null).post()
                .post("/portal/devices/" + device.id + "/release")
                .then().statusCode(303);
        assertEquals(1, PortalTestData.actionsFor(device.id), "only the correctly signed release went through");
        assertNull(PortalTestData.quarantineOf(device.id));
    }

    @Test
    void aForeignOriginIsRefusedEvenWithAValidToken() {
        Device device = device("csrf-origin-camera");
        PortalForms.Form form = PortalForms.from("/portal/devices/" + device.id + "/quarantine");

        form.post().header("Origin", "https://evil.example").formParam("duration", "1h")
                .post("/portal/devices/" + device.id + "/quarantine")
                .then().statusCode(403).body(containsString("nothing was changed"));
        form.post().header("Origin", "null").formParam("duration", "1h")
                .post("/portal/devices/" + device.id + "/quarantine")
                .then().statusCode(403);
        form.post().header("Origin", "http://" + site.getHost() + ":" + (site.getPort() + 1)).formParam("duration",
                "1h")
                .post("/portal/devices/" + device.id + "/quarantine")
                .then().statusCode(403);
        assertNothingStored(device);

        form.post().header("Origin", "http://" + site.getHost() + ":" + site.getPort()).formParam("duration", "1h")
                .post("/portal/devices/" + device.id + "/quarantine")
                .then().statusCode(303);
        assertEquals(1, PortalTestData.actionsFor(device.id));
    }

    @Test
    void aTokenInTheHeaderIsAcceptedLikeTheFormField() {
        Device device = device("csrf-header-camera");
        PortalForms.Form form = PortalForms.from("/portal/devices/" + device.id + "/quarantine");

        given().redirects().follow(false).cookie(CsrfTokens.COOKIE, form.cookie())
                .header(CsrfTokens.HEADER, form.token()).formParam("duration", "24h")
                .post("/portal/devices/" + device.id + "/quarantine")
                .then().statusCode(303);

        assertEquals(1, PortalTestData.actionsFor(device.id));
    }

    private static Device device(String name) {
        TestHousehold home = Fixtures.household("portal-csrf-owner");
        return Fixtures.device(home, name, DeviceType.CAMERA);
    }

    private static void assertNothingStored(Device device) {
        assertEquals(0, PortalTestData.actionsFor(device.id));
        assertNull(PortalTestData.quarantineOf(device.id));
    }
}
