package io.homeshield.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.homeshield.testsupport.BrowserSession.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertStatus;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.BrowserSession;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.Lanes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The portal guiding a household to safety, in Chromium: from the overview's banner to quarantine,
 * what to do while the device is isolated, release once fixed; forms that keep what was typed; the
 * layout on a phone and the German navigation on a desktop.
 */
@QuarkusTest
@Tag(Lanes.BROWSER)
class PortalGuidanceBrowserTest {

    private static final LocatorAssertions.ContainsTextOptions LONG = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(20_000);

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
    void theOverviewBannerLeadsFromTheAlertToQuarantineAndAReleaseThatResolvesIt() {
        TestHousehold home = Fixtures.newHousehold("bt-guided");
        Device camera = Fixtures.device(home, "bt-guided-camera", DeviceType.CAMERA);
        Alert alert = Fixtures.alert(camera, "bt-guided-c2.example.net");
        Page page = browser.newPage();
        List<String> policyViolations = cspViolations(page);
        BrowserSession.signIn(page, site, "/portal", "bt-guided", "subscriber", false);

        Locator banner = page.locator("section.status-attention");
        assertThat(banner).containsText("bt-guided-camera");
        assertThat(banner).containsText("Contact with a known malicious host");
        assertAccessible(page, "overview with the next step");
        banner.getByLabel("1 hour").check();
        banner.getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Quarantine bt-guided-camera")).click();

        assertThat(page.locator("h1")).containsText("bt-guided-camera");
        assertThat(page.locator("[data-live-region=notice] .notice"))
                .containsText("bt-guided-camera is isolated: your router confirmed the quarantine.", LONG);
        assertThat(page.locator("[data-live-region=actions] .row").first()).hasAttribute("data-action-state",
                "VERIFIED");
        assertThat(page.locator(".device-head")).containsText("Online, isolated", LONG);
        assertEquals(0, page.locator(".device-head .chip-ok").count(),
                "an isolated device is not shown as simply online");
        assertAccessible(page, "device isolated");

        page.navigate(site + "portal");
        Locator isolated = page.locator("section.status-isolated");
        assertThat(isolated).containsText("Device isolated — what to do next");
        isolated.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("What to do next")).click();
        assertThat(page.locator("section.guide")).containsText("Reset it to factory settings");
        assertThat(page.locator("section.guide")).containsText("Give it a new, strong password");
        assertAccessible(page, "alert with the next steps");
        BrowserSession.screenshot(page, "portal-alert");

        page.locator("section.guide").getByLabel("Yes, I made it safe").check();
        page.locator("section.guide").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Release bt-guided-camera")).click();
        assertThat(page.locator("[role=status].notice")).containsText("its alerts are closed");
        assertEquals(AlertStatus.RESOLVED, PortalTestData.alert(alert.id).status);
        assertEquals(0, page.locator("section.guide").count(), "a resolved alert asks for nothing more");

        page.navigate(site + "portal/activity");
        Locator quarantines = page.locator("li.row:has(.row-title:text-matches('^Quarantine'))");
        assertThat(quarantines).hasCount(1);
        assertThat(quarantines).containsText("Verified");
        Locator releases = page.locator("li.row:has(.row-title:text-matches('^Release'))");
        assertThat(releases).hasCount(1);
        assertThat(releases).containsText(Pattern.compile("Requested|Sent|Applied|Verified"));
        assertTrue(policyViolations.isEmpty(), "the Content-Security-Policy blocked: " + policyViolations);
        page.context().close();
    }

    @Test
    void refusedFormsKeepWhatWasTypedAndSayWhyBesideTheField() {
        TestHousehold home = Fixtures.newHousehold("bt-forms");
        Device printer = Fixtures.device(home, "bt-forms-printer", DeviceType.PRINTER);
        Fixtures.alert(printer, "bt-forms-c2.example.net");
        Page page = browser.newPage();
        BrowserSession.signIn(page, site, "/portal/devices/" + printer.id, "bt-forms", "subscriber", false);

        String tooLong = "Printer in the study upstairs next to the bookshelf that nobody uses any more since we moved "
                + "the desk";
        page.locator("details.edit summary").click();
        page.locator("#device-label").fill(tooLong);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("#device-label-error")).containsText("at most 100 characters");
        assertThat(page.locator("#device-label")).hasValue(tooLong);
        assertThat(page.locator("h1")).containsText("bt-forms-printer");

        page.locator("#device-block-domain").fill("not a domain!");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Block for this device")).click();
        assertThat(page.locator("#device-block-error")).isVisible();
        assertThat(page.locator("#device-block-domain")).hasValue("not a domain!");

        assertThat(page.locator("label[for=trust-silence]")).containsText("Contact with a known malicious host");
        assertThat(page.locator("#trust-silence")).hasAttribute("required", "");
        assertAccessible(page, "device page with refused fields");

        page.navigate(site + "portal/settings");
        assertThat(page.locator("#invite-role option:checked")).hasText("Member");
        Fixtures.newHousehold("bt-forms-neighbour");
        page.locator("#invitee").fill("bt-forms-neighbour");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite").setExact(true)).click();
        assertThat(page.locator("#invitee-error")).containsText("already belongs to a household");
        assertThat(page.locator("#invitee")).hasValue("bt-forms-neighbour");
        assertAccessible(page, "settings with a refused invitation");
        page.context().close();
    }

    @Test
    void onAPhoneTheMenuFoldsTheSummaryIsTwoByTwoAndTheAlertComesFirst() {
        TestHousehold home = Fixtures.newHousehold("bt-phone");
        Device camera = Fixtures.device(home, "bt-phone-camera", DeviceType.CAMERA);
        Fixtures.alert(camera, "bt-phone-c2.example.net");
        PortalTestData.traffic(camera.id);
        Page page = browser.newPage(360, 780, "en-GB");
        BrowserSession.signIn(page, site, "/portal", "bt-phone", "subscriber", false);

        Locator menu = page.locator("#main-menu");
        Locator toggle = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"));
        assertThat(menu).isHidden();
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        toggle.click();
        assertThat(menu).isVisible();
        assertThat(toggle).hasAttribute("aria-expanded", "true");
        toggle.click();
        assertThat(menu).isHidden();

        List<BoundingBox> cards = new ArrayList<>();
        Locator summary = page.locator(".summary > .card");
        assertThat(summary).hasCount(4);
        for (int i = 0; i < 4; i++) {
            cards.add(summary.nth(i).boundingBox());
        }
        assertEquals(cards.get(0).y, cards.get(1).y, 1, "first row: two cards side by side");
        assertEquals(cards.get(2).y, cards.get(3).y, 1, "second row: two cards side by side");
        assertTrue(cards.get(2).y > cards.get(0).y, "two rows");
        assertEquals(cards.get(0).x, cards.get(2).x, 1, "two columns");
        assertTrue(page.locator("section.status-attention").boundingBox().y < cards.get(0).y,
                "the alert's banner comes before the summary");
        assertNoSidewaysScroll(page, "overview");
        assertAccessible(page, "overview on a phone");
        BrowserSession.screenshot(page, "portal-mobile");

        page.navigate(site + "portal/devices/" + camera.id);
        assertTrue(page.locator("#quarantine-title").boundingBox().y < page.locator("#details-title").boundingBox().y,
                "the actions come before the details");
        assertNoSidewaysScroll(page, "device page");
        assertAccessible(page, "device page on a phone");
        page.context().close();
    }

    @Test
    void theGermanNavigationFitsOneRowOnADesktop() {
        Fixtures.newHousehold("bt-german-nav");
        Page page = browser.newPage(1280, 900, "de-DE");
        BrowserSession.signIn(page, site, "/portal", "bt-german-nav", "subscriber", false);
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(page.locator("nav.main-nav")).containsText("Übersicht");
        Locator links = page.locator("#main-menu a");
        BoundingBox first = links.first().boundingBox();
        for (int i = 0; i < links.count(); i++) {
            BoundingBox link = links.nth(i).boundingBox();
            assertEquals(first.y + first.height / 2, link.y + link.height / 2, 2,
                    "menu link " + i + " is on the first row");
        }
        BoundingBox brand = page.locator(".brand").boundingBox();
        BoundingBox nav = page.locator("nav.main-nav").boundingBox();
        assertTrue(nav.height < 60, "the navigation is one row high, not " + nav.height);
        assertTrue(Math.abs((brand.y + brand.height / 2) - (nav.y + nav.height / 2)) < 12,
                "the navigation sits beside the brand, not below it");
        assertAccessible(page, "German overview");
        page.context().close();
    }

    @Test
    void timesAreShownInThePersonsTimeZone() {
        TestHousehold home = Fixtures.newHousehold("bt-zone");
        Device tv = Fixtures.device(home, "bt-zone-tv", DeviceType.TV);
        BrowserContext context = browser.newContext(1280, 900, "en-GB", "Asia/Tokyo");
        Page page = context.newPage();
        BrowserSession.signIn(page, site, "/portal", "bt-zone", "subscriber", false);
        assertThat(page.locator("body")).hasAttribute("data-time-zone", "Asia/Tokyo",
                new LocatorAssertions.HasAttributeOptions().setTimeout(10_000));
        page.waitForCondition(() -> "Asia/Tokyo".equals(QuarkusTransaction.requiringNew().call(
                () -> io.homeshield.household.HouseholdMember.findBySubject("bt-zone").timeZone)));
        page.navigate(site + "portal/devices/" + tv.id);
        assertThat(page.locator("body")).hasAttribute("data-time-zone", "Asia/Tokyo");
        assertThat(page.locator("main dl.facts").first()).containsText("JST");
        context.close();
    }

    @Test
    void supportStaffSeeTheHouseholdOnItsOwnPage() {
        TestHousehold home = Fixtures.newHousehold("bt-staff-view");
        Device camera = Fixtures.device(home, "bt-staff-view-camera", DeviceType.CAMERA);
        Fixtures.alert(camera, "bt-staff-view-c2.example.net");
        Page page = browser.newPage();
        BrowserSession.signIn(page, site, "/admin/households/" + home.id().value(), "sam", "support", true);
        assertThat(page.locator("h1")).containsText("Household of bt-staff-view");
        assertThat(page.locator("main")).containsText("bt-staff-view-camera");
        BrowserSession.screenshot(page, "staff-household");
        page.context().close();
    }

    private static void assertNoSidewaysScroll(Page page, String what) {
        int overflow = ((Number) page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
        assertEquals(0, overflow, what + " scrolls sideways");
    }

    /** What the Content-Security-Policy blocks on the page, as the browser reports it. */
    private static List<String> cspViolations(Page page) {
        List<String> blocked = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                blocked.add(message.text());
            }
        });
        return blocked;
    }
}
