package io.homeshield.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import io.homeshield.household.HouseholdMember;
import io.homeshield.household.MemberRole;
import io.homeshield.household.NotifyLevel;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** A member looks but does not change; every member chooses their own notifications. */
@QuarkusTest
@TestSecurity(user = "portal-settings-member", roles = "subscriber")
class PortalSettingsTest {

    @Test
    void aMemberSeesTheSettingsButCannotChangeThem() {
        TestHousehold home = Fixtures.household("portal-settings-owner");
        PortalTestData.addMember(home.id(), "portal-settings-member", MemberRole.MEMBER);
        Device tv = Fixtures.device(home, "settings-tv", DeviceType.TV);
        PortalForms.Form form = PortalForms.from("/portal/settings");

        given().get("/portal/settings").then().statusCode(200)
                .body(allOf(containsString("only the household&#39;s owner or a co-admin can change it"),
                        containsString("disabled"), not(containsString("id=\"invitee\""))));
        form.post().formParam("autoQuarantine", "on").post("/portal/settings/protection").then().statusCode(403);
        form.post().formParam("invitee", "settings-friend").formParam("role", "CO_ADMIN")
                .post("/portal/settings/invitations").then().statusCode(403);
        form.post().formParam("domain", "settings.example.com").post("/portal/blocked").then().statusCode(403);
        form.post().formParam("label", "Mine").formParam("type", "TV").post("/portal/devices/" + tv.id + "/identity")
                .then().statusCode(403);
        assertFalse(PortalTestData.household(home.id()).autoQuarantine);
        assertEquals(0, PortalTestData.invitations(home.id()));

        form.post().formParam("level", "ALL").post("/portal/settings/notifications").then().statusCode(303);
        assertEquals(NotifyLevel.ALL, QuarkusTransaction.requiringNew()
                .call(() -> HouseholdMember.findBySubject("portal-settings-member").notifyLevel));
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        given().get("/").then().statusCode(200)
                .header("Content-Security-Policy", allOf(containsString("default-src 'self'"),
                        containsString("frame-ancestors 'none'"), containsString("script-src 'self'")))
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .header("X-Content-Type-Options", "nosniff");
        given().get("/assets/portal.js").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"));
    }
}
