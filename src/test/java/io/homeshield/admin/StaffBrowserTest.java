package io.homeshield.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.homeshield.testsupport.BrowserSession.assertAccessible;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditEntry;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.household.Household;
import io.homeshield.intel.ProviderIndicator;
import io.homeshield.intel.ProviderIndicatorService;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.BrowserSession;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.Lanes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The staff console in Chromium: a support agent finds a household by one of its devices' MAC,
 * quarantines the device with a reason, and the subscriber, in a browser of their own, reads the
 * act and the reason in the household's activity log. Every staff page visited is checked with axe.
 */
@QuarkusTest
@Tag(Lanes.BROWSER)
class StaffBrowserTest {

    private static final String REASON = "Ticket 4711: the customer reports the hall camera streaming to unknown hosts";

    private static BrowserSession browser;

    @TestHTTPResource("/")
    URL site;

    @Inject
    ProviderIndicatorService indicators;

    @BeforeAll
    static void launch() {
        browser = BrowserSession.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void supportFindsAHouseholdByADevicesMacQuarantinesItWithAReasonAndTheSubscriberSeesIt() {
        TestHousehold home = Fixtures.household("alice");
        Device camera = Fixtures.device(home, "sb-hall-camera", DeviceType.CAMERA);
        Fixtures.device(home, "sb-kitchen-tablet", DeviceType.TABLET);
        String account = QuarkusTransaction.requiringNew()
                .call(() -> Household.<Household>findById(home.id().value()).accountNumber);

        Page support = browser.newPage();
        BrowserSession.signIn(support, site, "/admin", "sam", "support", true);
        assertThat(support.locator("h1")).containsText("Staff console");
        assertAccessible(support, "staff start page");

        // as a label prints it: lower case, with dashes
        support.getByLabel("Find a household").fill(camera.mac.toLowerCase(Locale.ROOT).replace(':', '-'));
        support.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find").setExact(true)).click();
        assertThat(support.locator("#results-title")).containsText("1 found");
        assertThat(support.locator("main table")).containsText("Device MAC");
        assertAccessible(support, "search results");
        BrowserSession.screenshot(support, "staff-search");

        support.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(account)).click();
        assertThat(support.locator("h1")).containsText("Household of alice");
        assertThat(support.locator("section[aria-labelledby=devices-title]")).containsText(camera.mac);
        assertAccessible(support, "household 360° page");
        BrowserSession.screenshot(support, "staff-household");

        support.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Quarantine sb-hall-camera")).click();
        assertThat(support.locator("h1")).containsText("Quarantine sb-hall-camera");
        assertAccessible(support, "quarantine form");
        support.getByLabel("Reason").fill("asked");
        support.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Quarantine the device")).click();
        assertThat(support.locator("[role=alert]")).containsText("Nothing was changed");
        assertThat(support.getByLabel("Reason")).hasAttribute("aria-invalid", "true");
        assertAccessible(support, "quarantine form sent back");
        assertEquals(0, quarantines(camera), "a reason too short to keep changes nothing");

        support.getByLabel("Reason").fill(REASON);
        support.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Quarantine the device")).click();
        assertThat(support.locator("[role=status].notice")).containsText("Quarantine requested");
        assertThat(support.locator("section[aria-labelledby=activity-title]")).containsText(REASON);
        assertAccessible(support, "household after the quarantine");
        assertEquals(1, quarantines(camera));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "householdId = ?1 and action = 'device.quarantine' and actor = 'sam' and actorRole = 'support'"
                        + " and reason = ?2", home.id().value(), REASON)));

        Page subscriber = browser.newPage();
        BrowserSession.signIn(subscriber, site, "/portal/activity", "alice", "subscriber", true);
        assertThat(subscriber.locator("main")).containsText("Provider support (sam)");
        assertThat(subscriber.locator("main")).containsText(REASON);
        BrowserSession.screenshot(subscriber, "portal-activity-staff-act");

        support.context().close();
        subscriber.context().close();
    }

    @Test
    void everyStaffPageAnAnalystAndAnAdminOpenIsAccessible() {
        Actor seeder = new Actor("browser-seed", "analyst");
        ProviderIndicator c2 = indicators.add("c2-" + UUID.randomUUID().toString().substring(0, 8) + ".browser.example",
                null, seeder, "Seen beaconing from three households");
        indicators.blockFleetWide(c2.id, true, seeder, "Block the botnet's C2 for every subscriber");
        RestAssured.get(site + "rpz/test-resolver-token-0123456789abcdef/homeshield.rpz").then().statusCode(200);
        Page analyst = browser.newPage();
        BrowserSession.signIn(analyst, site, "/admin", "ana", "analyst", true);
        for (String path : List.of("admin/fleet", "admin/fleet/alerts", "admin/fleet/reviews", "admin/intel",
                "admin/intel?q=example.com", "admin/intel?own=browser.example",
                "admin/intel/indicators/" + c2.id + "/fleet-wide")) {
            analyst.navigate(site + path);
            assertAccessible(analyst, "/" + path);
        }
        analyst.navigate(site + "admin/intel");
        BrowserSession.screenshot(analyst, "staff-intel");
        analyst.context().close();

        Page admin = browser.newPage();
        BrowserSession.signIn(admin, site, "/admin", "root", "admin", true);
        for (String path : List.of("admin", "admin/audit", "admin/audit/verify", "admin/configuration")) {
            admin.navigate(site + path);
            assertAccessible(admin, "/" + path);
        }
        BrowserSession.screenshot(admin, "staff-configuration");
        admin.context().close();
    }

    private static long quarantines(Device device) {
        return QuarkusTransaction.requiringNew().call(() -> DeviceQuarantine.count("deviceId", device.id));
    }
}
