package io.homeshield.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Every staff page in German carries no English text of the staff console's messages. */
@QuarkusTest
class StaffLanguageTest {

    /** Qute sections and expressions inside a message; what is left between them is text a person reads. */
    private static final Pattern TEMPLATE_PART = Pattern.compile("\\{[^}]*\\}");

    @Test
    @TestSecurity(user = "language-sam", roles = "support")
    void supportPagesInGerman() {
        TestHousehold home = Fixtures.household("language-customer");
        Device camera = Fixtures.device(home, "language-camera", DeviceType.CAMERA);
        Fixtures.alert(camera, "language-c2.example");
        String base = "/admin/households/" + home.id();
        assertGerman("/admin", "/admin/households?q=" + camera.mac, "/admin/households?q=zz-nothing", base,
                base + "/devices/" + camera.id + "/quarantine", base + "/devices/" + camera.id + "/release",
                base + "/block", base + "/resend");
    }

    @Test
    @TestSecurity(user = "language-ana", roles = "analyst")
    void analystPagesInGerman() {
        Fixtures.alert(Fixtures.device(Fixtures.household("language-fleet"), "language-dvr", DeviceType.CAMERA),
                "language-fleet-c2.example");
        assertGerman("/admin", "/admin/fleet", "/admin/fleet/alerts", "/admin/fleet/reviews", "/admin/intel",
                "/admin/intel?q=example.com&own=x&expired=true");
        for (String path : List.of("/admin/fleet", "/admin/fleet/alerts")) {
            given().header("Accept-Language", "de").get(path).then().statusCode(200)
                    .body(containsString("Kontakt mit einem bekannten Schadsoftware-Server"))
                    .body(not(containsString("Contact with a known malicious host")));
        }
    }

    @Test
    @TestSecurity(user = "language-root", roles = "admin")
    void adminPagesInGerman() {
        assertGerman("/admin", "/admin/audit", "/admin/audit/verify", "/admin/configuration");
    }

    private static void assertGerman(String... paths) {
        List<String> english = onlyInEnglish();
        for (String path : paths) {
            String page = given().header("Accept-Language", "de").accept("text/html").get(path).then().statusCode(200).extract().asString();
            List<String> left = english.stream().filter(page::contains).toList();
            assertTrue(left.isEmpty(), path + " in German still says: " + left);
            assertTrue(page.contains("lang=\"de\""), path);
        }
    }

    /** Fragments of English messages (two words or more) that their German message does not contain. */
    private static List<String> onlyInEnglish() {
        Properties english = load("messages/staff.properties");
        Properties german = load("messages/staff_de.properties");
        Set<String> fragments = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            for (String fragment : TEMPLATE_PART.split(english.getProperty(key))) {
                String text = fragment.strip();
                if (text.split("\\s+").length >= 2 && !german.getProperty(key).contains(text)) {
                    fragments.add(text.replace("'", "&#39;").replace("\"", "&quot;"));
                }
            }
        }
        return List.copyOf(fragments);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                StaffLanguageTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
