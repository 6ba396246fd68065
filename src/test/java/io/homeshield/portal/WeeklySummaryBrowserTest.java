package io.homeshield.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.homeshield.testsupport.BrowserSession.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.BrowserSession;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.Lanes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The weekly summary page in Chromium: reached from the overview, accessible, and fitting a phone. */
@QuarkusTest
@Tag(Lanes.BROWSER)
class WeeklySummaryBrowserTest {

    private static BrowserSession browser;

    @TestHTTPResource("/")
    URL site;

    @BeforeAll
    static void launch() {
        browser = BrowserSession.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void aSubscriberOpensTheWeekFromTheOverview() {
        TestHousehold home = Fixtures.household("alice");
        Device speaker = Fixtures.device(home, "bt-week-speaker", DeviceType.SPEAKER);
        Fixtures.alert(speaker, "bt-week-c2.example.net");
        PortalTestData.traffic(speaker.id);
        Page page = browser.newPage();

        BrowserSession.signIn(page, site, "/portal", "alice", "subscriber", true);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your network this week")).click();

        assertThat(page.locator("h1")).hasText("Your network this week");
        assertThat(page.locator("svg[role=img]")).hasCount(2);
        assertThat(page.locator("main")).containsText("bt-week-speaker");
        assertAccessible(page, "weekly summary");
        BrowserSession.screenshot(page, "portal-week");
        page.context().close();

        Page phone = browser.newPage(360, 740, "de-DE");
        BrowserSession.signIn(phone, site, "/portal/week", "alice", "subscriber", true);
        assertThat(phone.locator("h1")).hasText("Ihr Netzwerk diese Woche");
        int overflow = ((Number) phone.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
        assertEquals(0, overflow, "the week scrolls sideways at 360 px");
        assertAccessible(phone, "weekly summary in German on a phone");
        phone.context().close();
    }
}
