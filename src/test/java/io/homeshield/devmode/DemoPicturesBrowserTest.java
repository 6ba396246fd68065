package io.homeshield.devmode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.homeshield.testsupport.BrowserSession;
import io.homeshield.testsupport.Lanes;
import io.homeshield.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The README's pictures, taken from the demo as {@code ./mvnw quarkus:dev} shows it: Alice's home
 * after its backfilled week, with the camera the simulator infects flagged. Each page is checked
 * for what the picture is meant to show and for accessibility before it is taken.
 */
@QuarkusTest
@TestProfile(DevProfile.class)
@Tag(Lanes.BROWSER)
class DemoPicturesBrowserTest {

    private static BrowserSession browser;

    @TestHTTPResource("/")
    URL site;

    @Inject
    EntityManager em;

    @BeforeAll
    static void launch() {
        browser = BrowserSession.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @BeforeEach
    void theCameraIsFlagged() {
        String alice = Tokens.accessToken("alice");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().auth().oauth2(alice).get("/api/v1/alerts").then().extract().jsonPath().getList("$").size() > 0);
    }

    @Test
    void aliceSeesHerWeekHerFlaggedCameraAndItsAlert() {
        Page page = browser.newPage(1280, 860, "en-GB");
        BrowserSession.signIn(page, site, "/portal", "alice", "subscriber", true);
        assertThat(page.locator("section.status-attention")).isVisible();
        picture(page, "portal-dashboard");

        page.locator("section.status-attention a[href^='/portal/alerts/']").first().click();
        assertThat(page.locator("h1")).isVisible();
        picture(page, "portal-alert");

        page.locator("main a[href^='/portal/devices/']").first().click();
        assertThat(page.locator(".device-head")).isVisible();
        assertTrue(page.locator("main canvas, main svg").count() > 0, "the device page shows its traffic as a chart");
        picture(page, "portal-device");
    }

    @Test
    void onAPhoneTheOverviewStartsWithWhatNeedsAttention() {
        Page page = browser.newPage(360, 780, "en-GB");
        BrowserSession.signIn(page, site, "/portal", "alice", "subscriber", true);
        Locator banner = page.locator("section.status-attention");
        assertThat(banner).isVisible();
        assertTrue(banner.boundingBox().y < 780, "the attention banner is on the first screen of a phone");
        picture(page, "portal-mobile");
    }

    @Test
    void supportSeesAlicesHomeOnOnePage() {
        Page page = browser.newPage(1280, 860, "en-GB");
        BrowserSession.signIn(page, site, "/admin/households/" + householdOf("alice"), "sam", "support", true);
        assertThat(page.locator("h1")).containsText("Meyer");
        picture(page, "staff-household");
    }

    private static void picture(Page page, String name) {
        BrowserSession.assertAccessible(page, name);
        BrowserSession.readmePicture(page, name);
    }

    private String householdOf(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select cast(household_id as varchar) from household_member where subject = ?1")
                .setParameter(1, subject).getSingleResult().toString());
    }
}
