package io.homeshield.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.homeshield.testsupport.BrowserSession.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.homeshield.alert.Alert;
import io.homeshield.household.MemberRole;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.BrowserSession;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.Lanes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The portal as people use it: in Chromium, signed in through the identity server's login page. */
@QuarkusTest
@Tag(Lanes.BROWSER)
class PortalBrowserTest {

    private static final LocatorAssertions.ContainsTextOptions LONG = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(60_000);

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
    void aSubscriberFindsTheFlaggedCameraQuarantinesItForAnHourAndBlocksADomain() {
        TestHousehold home = Fixtures.household("alice");
        Device camera = Fixtures.device(home, "bt-garden-camera", DeviceType.CAMERA);
        Alert alert = Fixtures.alert(camera, "bt-c2.example.net");
        PortalTestData.traffic(camera.id);
        Page page = browser.newPage();

        BrowserSession.signIn(page, site, "/portal", "alice", "subscriber", true);
        assertThat(page.locator("#status-title")).containsText("need");
        assertAccessible(page, "dashboard");
        BrowserSession.screenshot(page, "portal-dashboard");

        page.locator("a[href='/portal/alerts/" + alert.id + "']").first().click();
        assertThat(page.locator("h1")).containsText("Contact with a known malicious host");
        assertThat(page.locator(".evidence")).containsText("bt-c2.example.net");
        assertAccessible(page, "alert");
        BrowserSession.screenshot(page, "portal-alert-open");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quarantine bt-garden-camera…")).click();
        page.getByLabel("1 hour").check();
        assertAccessible(page, "confirm quarantine");
        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Yes, quarantine bt-garden-camera")).click();
        assertThat(page.locator("[role=status].notice"))
                .containsText(Pattern.compile("Quarantine requested|bt-garden-camera is isolated"));
        assertThat(page.locator("body")).hasAttribute("data-live", "connected");
        Locator progress = page.locator("[data-live-region=actions] .row").first();
        assertThat(progress).hasAttribute("data-action-state", Pattern.compile("APPLIED|VERIFIED"),
                new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        assertThat(page.locator("[data-live-region=quarantine]")).containsText("cut off", LONG);
        assertThat(page.locator("[data-traffic-chart] canvas")).hasCount(1);
        assertThat(page.locator("main")).containsText("cdn.camera-vendor.example");
        assertAccessible(page, "device");
        BrowserSession.screenshot(page, "portal-device");

        page.getByLabel("Block a domain for this device").fill("bt-tracker.example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Block for this device")).click();
        assertThat(page.locator("[role=status].notice")).containsText("Domain blocked");
        assertThat(page.locator("section[aria-labelledby=device-blocks-title]")).containsText("bt-tracker.example.org");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Blocked domains").setExact(true)).click();
        page.locator("#block-domain").fill("bt-ads.example.com");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Block").setExact(true)).click();
        assertThat(page.locator("section[aria-labelledby=household-blocks-title]")).containsText("bt-ads.example.com");
        assertThat(page.locator("section[aria-labelledby=device-blocks-title]")).containsText("bt-tracker.example.org");
        assertAccessible(page, "blocked domains");

        for (String path : List.of("/portal/devices", "/portal/alerts", "/portal/activity", "/portal/settings")) {
            page.navigate(site + path.substring(1));
            assertAccessible(page, path);
        }
        assertThat(page.locator("main")).containsText("Protection");
        page.navigate(site + "portal/activity");
        assertThat(page.locator("main")).containsText("Quarantine");
        assertThat(page.locator("main")).containsText("Blocked a domain");
        BrowserSession.screenshot(page, "portal-activity");
        page.context().close();
    }

    @Test
    void everyPageFitsAPhoneScreen() {
        TestHousehold home = Fixtures.household("alice");
        Device camera = Fixtures.device(home, "bt-narrow-camera-with-a-long-name", DeviceType.CAMERA);
        Fixtures.alert(camera, "bt-narrow-c2.example.net");
        Page page = browser.newPage(360, 740, "en-GB");
        BrowserSession.signIn(page, site, "/portal", "alice", "subscriber", true);
        for (String path : List.of("portal", "portal/devices", "portal/devices/" + camera.id, "portal/alerts",
                "portal/blocked", "portal/activity", "portal/settings", "")) {
            page.navigate(site + path);
            int overflow = ((Number) page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
            assertEquals(0, overflow, "/" + path + " scrolls sideways at 360 px");
        }
        page.navigate(site + "portal/devices/" + camera.id);
        BrowserSession.screenshot(page, "portal-device-360px");
        page.context().close();
    }

    @Test
    void aCoAdminInvitedByTheOwnerCanActAndAMemberCannotChangeSettings() {
        TestHousehold home = Fixtures.household("bt-owner", MemberRole.OWNER);
        Device speaker = Fixtures.device(home, "bt-kitchen-speaker", DeviceType.SPEAKER);
        Page owner = browser.newPage();
        BrowserSession.signIn(owner, site, "/portal/settings", "bt-owner", "subscriber", false);
        invite(owner, "bt-coadmin", "Co-admin");
        invite(owner, "bt-member", "Member");
        assertThat(owner.locator("main")).containsText("bt-coadmin");
        assertAccessible(owner, "settings");
        BrowserSession.screenshot(owner, "portal-settings-owner");

        Page coAdmin = browser.newPage();
        BrowserSession.signIn(coAdmin, site, "/portal", "bt-coadmin", "subscriber", false);
        assertAccessible(coAdmin, "invitation");
        coAdmin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join Household of bt-owner")).click();
        assertThat(coAdmin.locator("h1")).containsText("Household of bt-owner");
        coAdmin.navigate(site + "portal/devices/" + speaker.id + "/quarantine");
        coAdmin.getByLabel("1 hour").check();
        coAdmin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, quarantine bt-kitchen-speaker"))
                .click();
        assertThat(coAdmin.locator("[data-live-region=actions]")).containsText("Quarantine");

        Page member = browser.newPage();
        BrowserSession.signIn(member, site, "/portal", "bt-member", "subscriber", false);
        member.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join Household of bt-owner")).click();
        member.navigate(site + "portal/settings");
        assertThat(member.locator(".page-head")).containsText("only the household's owner or a co-admin can change it");
        assertThat(member.locator("#auto-quarantine")).isDisabled();
        assertEquals(0, member.locator("#invitee").count(), "a member is offered no invitation form");
        assertEquals(0, member.locator("form[action$='/remove']").count(), "a member is offered no remove button");
        member.navigate(site + "portal/devices/" + speaker.id);
        assertEquals(0, member.locator("a[href$='/quarantine'], form[action$='/release']").count());
        assertThat(member.locator("main")).containsText("Only the household's owner or a co-admin");
        BrowserSession.screenshot(member, "portal-settings-member");
        owner.context().close();
        coAdmin.context().close();
        member.context().close();
    }

    @Test
    void switchingToGermanShowsGermanText() {
        TestHousehold home = Fixtures.household("alice");
        Device camera = Fixtures.device(home, "bt-german-camera", DeviceType.CAMERA);
        Fixtures.alert(camera, "bt-german-c2.example.net");
        Page page = browser.newPage();
        BrowserSession.signIn(page, site, "/portal", "alice", "subscriber", true);
        assertThat(page.locator("nav[aria-label=Main]")).containsText("Overview");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Deutsch")).click();
        assertThat(page.locator("html")).hasAttribute("lang", "de");
        assertThat(page.locator("nav[aria-label=Hauptnavigation]")).containsText("Übersicht");
        assertThat(page.locator("main")).containsText("Geräte online");
        assertThat(page.locator("main")).containsText("Kontakt mit einem bekannten Schadsoftware-Server");
        assertAccessible(page, "German dashboard");
        BrowserSession.screenshot(page, "portal-dashboard-de");

        page.navigate(site + "portal/devices/" + camera.id);
        assertThat(page.locator("main")).containsText("Zuerst gesehen");
        assertThat(page.locator("main")).containsText("Dieses Gerät in Quarantäne nehmen");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
        assertThat(page.locator("main")).containsText("First seen");
        page.context().close();
    }

    private void invite(Page owner, String who, String role) {
        owner.locator("#invitee").fill(who);
        owner.locator("#invite-role").selectOption(new SelectOption().setLabel(role));
        owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite").setExact(true)).click();
        assertThat(owner.locator("[role=status].notice")).containsText("Invitation sent");
    }

}
