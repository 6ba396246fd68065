package io.homeshield.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.web.PageLocale;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** English and German: the browser's preference, the language switch's cookie, and nothing left in English. */
@QuarkusTest
@TestSecurity(user = "portal-lang-owner", roles = "subscriber")
class PortalLanguageTest {

    @Test
    void theBrowsersPreferenceChoosesTheLanguage() {
        Fixtures.household("portal-lang-owner");
        given().header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5").get("/portal").then().statusCode(200)
                .header("Content-Language", "de")
                .body(containsString("<html lang=\"de\">"), containsString("Übersicht"),
                        containsString("Geräte online"));
        given().header("Accept-Language", "fr-FR,fr;q=0.9").get("/portal").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"), containsString("Devices online"));
        given().header("Accept-Language", "this is not a language list").get("/portal").then().statusCode(200)
                .body(containsString("Devices online"));
    }

    @Test
    void theLanguageSwitchIsRememberedAndBeatsTheBrowser() {
        Fixtures.household("portal-lang-owner");
        String cookie = given().redirects().follow(false).get("/language/de?next=/portal/devices").then()
                .statusCode(303).header("Location", containsString("/portal/devices"))
                .extract().cookie(PageLocale.COOKIE);
        assertEquals("de", cookie);
        given().cookie(PageLocale.COOKIE, "de").header("Accept-Language", "en").get("/portal/devices").then()
                .body(containsString("Geräte"), not(containsString(">Devices<")));
        given().cookie(PageLocale.COOKIE, "xx").header("Accept-Language", "en").get("/portal").then()
                .body(containsString("Devices online"));
    }

    @Test
    void theSwitchOnlyGoesBackToPagesOfThisSite() {
        for (String next : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example",
                "javascript:alert(1)")) {
            given().redirects().follow(false).queryParam("next", next).get("/language/en").then().statusCode(303)
                    .header("Location", not(containsString("evil")))
                    .header("Location", not(containsString("javascript")));
        }
        given().redirects().follow(false).get("/language/xx").then().statusCode(404);
    }

    @Test
    void noPageTextIsLeftInEnglishInGerman() {
        TestHousehold home = Fixtures.household("portal-lang-owner");
        Device camera = Fixtures.device(home, "lang-camera", DeviceType.CAMERA);
        Alert alert = Fixtures.alert(camera, "lang-c2.example.net");
        List<String> english = MessageFiles.onlyInEnglish();
        List<String> leftovers = new ArrayList<>();
        for (String path : List.of("/", "/portal", "/portal/devices", "/portal/devices/" + camera.id,
                "/portal/devices/" + camera.id + "/quarantine", "/portal/alerts", "/portal/alerts/" + alert.id,
                "/portal/blocked", "/portal/activity", "/portal/settings", "/portal/devices/" + UUID.randomUUID())) {
            String page = given().cookie(PageLocale.COOKIE, "de").get(path).then().extract().asString();
            english.stream().filter(page::contains).forEach(text -> leftovers.add(path + ": " + text));
        }
        assertTrue(leftovers.isEmpty(), "English text on German pages: " + leftovers);
    }

    @Test
    void bothLanguagesHaveEveryMessage() {
        assertEquals(MessageFiles.keys("messages/msg.properties"), MessageFiles.keys("messages/msg_de.properties"));
        assertEquals(MessageFiles.keys("messages/alertMsg.properties"),
                MessageFiles.keys("messages/alertMsg_de.properties"));
    }
}
