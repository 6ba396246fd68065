package io.homeshield.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditEntry;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.intel.ProviderIndicator;
import io.homeshield.intel.ProviderIndicatorService;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.web.StaffRoles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;

/**
 * Every page and endpoint of the staff console refuses a subscriber and the staff roles it is not
 * for, with the friendly 403 page of a role check (not a form-token refusal) and nothing changed.
 */
@QuarkusTest
class StaffAccessTest {

    private static final String NO_ACCESS = "does not have access";

    @Inject
    ProviderIndicatorService provider;

    private TestHousehold home;
    private Device camera;
    private Alert alert;
    private ProviderIndicator indicator;

    @BeforeEach
    void household() {
        home = Fixtures.household("access-customer");
        camera = Fixtures.device(home, "access-camera", DeviceType.CAMERA);
        alert = Fixtures.alert(camera, "access-c2.example");
        QuarkusTransaction.requiringNew().run(() -> Alert.<Alert>findById(alert.id).evidence
                = "{\"indicator\":\"access-c2.example\"}");
        indicator = provider.add("access-listed.example", null, new Actor("access-fixture", StaffRoles.ANALYST),
                "listed for the access test");
    }

    private List<String> supportAndAnalystPages() {
        return List.of("/admin/households", "/admin/households?q=HS", "/admin/households/" + home.id());
    }

    private List<String> supportPages() {
        String base = "/admin/households/" + home.id();
        return List.of(base + "/devices/" + camera.id + "/quarantine", base + "/devices/" + camera.id + "/release",
                base + "/block", base + "/resend");
    }

    private List<String> analystPages() {
        return List.of("/admin/fleet", "/admin/fleet/alerts", "/admin/fleet/reviews", "/admin/intel",
                "/admin/intel?q=example.com", "/admin/intel?own=access&expired=true",
                "/admin/intel/indicators/" + indicator.id + "/expire", "/admin/intel/promote/" + alert.id);
    }

    private List<String> analystPosts() {
        return List.of("/admin/fleet/reviews/confirm", "/admin/fleet/reviews/reject", "/admin/intel/indicators",
                "/admin/intel/indicators/" + indicator.id + "/expire", "/admin/intel/promote/" + alert.id);
    }

    private static List<String> adminPages() {
        return List.of("/admin/audit", "/admin/audit/verify", "/admin/audit/export?from=2025-01-01&to=2025-01-02",
                "/admin/configuration");
    }

    @Test
    @TestSecurity(user = "access-sub", roles = "subscriber")
    void aSubscriberReachesNoStaffPageOrEndpoint() {
        refusedGet("/admin");
        all(supportAndAnalystPages(), supportPages(), analystPages(),
                adminPages()).forEach(StaffAccessTest::refusedGet);
        all(supportPages(), analystPosts()).forEach(this::refusedPost);
        given().accept("application/json").get("/admin/audit/verify").then().statusCode(403);
        assertNothingChanged();
    }

    @Test
    @TestSecurity(user = "access-sam", roles = "support")
    void supportIsRefusedTheAnalystAndAdminPages() {
        all(analystPages(), adminPages()).forEach(StaffAccessTest::refusedGet);
        analystPosts().forEach(this::refusedPost);
        given().accept("application/json").get("/admin/audit/verify").then().statusCode(403);
        given().get("/admin").then().statusCode(200).body(containsString("href=\"/admin/households\""))
                .body(org.hamcrest.Matchers.not(containsString("href=\"/admin/audit\"")))
                .body(org.hamcrest.Matchers.not(containsString("href=\"/admin/intel\"")))
                .body(org.hamcrest.Matchers.not(containsString("href=\"/admin/configuration\"")));
        assertNothingChanged();
    }

    @Test
    @TestSecurity(user = "access-ana", roles = "analyst")
    void anAnalystReadsHouseholdsButMayNotActOnTheirBehalfNorOpenTheAuditLog() {
        all(supportPages(), adminPages()).forEach(StaffAccessTest::refusedGet);
        supportPages().forEach(this::refusedPost);
        all(supportAndAnalystPages(), analystPages()).forEach(path -> given().get(path).then().statusCode(200));
        assertNothingChanged();
    }

    @Test
    @TestSecurity(user = "access-root", roles = "admin")
    void anAdminKeepsTheAuditLogButReadsNoHouseholdAndActsForNone() {
        all(supportAndAnalystPages(), supportPages(), analystPages()).forEach(StaffAccessTest::refusedGet);
        all(supportPages(), analystPosts()).forEach(this::refusedPost);
        adminPages().forEach(path -> given().get(path).then().statusCode(200));
        given().get("/admin").then().statusCode(200).body(containsString("href=\"/admin/configuration\""))
                .body(org.hamcrest.Matchers.not(containsString("href=\"/admin/intel\"")));
        assertNothingChanged();
    }

    private static void refusedGet(String path) {
        given().redirects().follow(false).get(path).then().statusCode(403).body(containsString(NO_ACCESS));
    }

    /** The role check comes before the form-token check: the refusal must be the role's, not the token's. */
    private void refusedPost(String path) {
        RequestSpecification request = given().redirects().follow(false).formParam("reason", "Ticket 4711: the"
                + " customer asked for it").formParam("duration", "24h").formParam("domain", "bad.example")
                .formParam("type", "KNOWN_BAD_DESTINATION").formParam("indicator", "bad.example")
                .formParam("validFor", "30d");
        request.post(path).then().statusCode(403).body(containsString(NO_ACCESS));
    }

    private void assertNothingChanged() {
        UUID household = home.id().value();
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> ProviderIndicator.count(
                "indicator like 'access-%' or indicator = 'bad.example'")), "the provider's feed is as it was");
        assertEquals(null, QuarkusTransaction.requiringNew().call(
                () -> ProviderIndicator.<ProviderIndicator>findById(indicator.id).expiredAt));
        assertEquals(0, QuarkusTransaction.requiringNew().call(()
                -> EnforcementAction.count("householdId", household)));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "householdId = ?1 and action <> 'household.view'", household)));
    }

    @SafeVarargs
    private static List<String> all(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
