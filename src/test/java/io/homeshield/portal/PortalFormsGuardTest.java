package io.homeshield.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertStatus;
import io.homeshield.enforcement.BlockedDomain;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdInvitation;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.MemberRole;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * Every form of the portal: refused without its CSRF token (and nothing changes), and another
 * household's ids are not found (404 page, nothing changes).
 */
@QuarkusTest
@TestSecurity(user = "portal-guard-alice", roles = "subscriber")
class PortalFormsGuardTest {

    @Test
    void everyFormWithoutItsTokenIsRefusedAndChangesNothing() {
        TestHousehold home = Fixtures.household("portal-guard-alice");
        Device camera = Fixtures.device(home, "guard-camera", DeviceType.CAMERA);
        Alert alert = Fixtures.alert(camera, "guard-c2.example.net");
        UUID block = PortalTestData.block(home.id(), "guard-blocked.example.com", null);
        PortalForms.Form form = PortalForms.from("/portal/settings");

        Map<String, Map<String, String>> posts = Map.ofEntries(
                Map.entry("/portal/devices/" + camera.id + "/identity", Map.of("label", "renamed", "type", "TV")),
                Map.entry("/portal/devices/" + camera.id + "/block", Map.of("domain", "guard-new.example.com")),
                Map.entry("/portal/devices/" + camera.id + "/trust", Map.of("comment", "ours")),
                Map.entry("/portal/alerts/" + alert.id + "/acknowledge", Map.of()),
                Map.entry("/portal/alerts/" + alert.id + "/resolve", Map.of()),
                Map.entry("/portal/alerts/" + alert.id + "/not-a-threat", Map.of()),
                Map.entry("/portal/blocked", Map.of("domain", "guard-other.example.com")),
                Map.entry("/portal/blocked/" + block + "/remove", Map.of()),
                Map.entry("/portal/blocked/" + block + "/exemptions", Map.of("device", camera.id.toString())),
                Map.entry("/portal/settings/protection", Map.of("autoQuarantine", "on")),
                Map.entry("/portal/settings/notifications", Map.of("level", "NONE")),
                Map.entry("/portal/settings/invitations", Map.of("invitee", "guard-friend", "role", "MEMBER")));
        posts.forEach((path, fields) -> given().redirects().follow(false).cookie(CsrfTokens.COOKIE, form.cookie())
                .formParams(fields).post(path)
                .then().statusCode(403).body(containsString("nothing was changed")));

        Device stored = PortalTestData.device(camera.id);
        assertEquals("guard-camera", stored.displayName());
        assertEquals(AlertStatus.OPEN, PortalTestData.alert(alert.id).status);
        assertEquals(List.of("guard-blocked.example.com"), PortalTestData.blockedDomains(home.id()));
        assertFalse(PortalTestData.household(home.id()).autoQuarantine);
        assertEquals(0, PortalTestData.invitations(home.id()));
    }

    @Test
    void anotherHouseholdsIdsAreNotFoundOnEveryFormAndNothingChanges() {
        TestHousehold alices = Fixtures.household("portal-guard-alice");
        Device alicesLaptop = Fixtures.device(alices, "guard-alices-laptop", DeviceType.LAPTOP);
        TestHousehold bobs = Fixtures.household("portal-guard-bob");
        Device bobsCamera = Fixtures.device(bobs, "guard-bobs-camera", DeviceType.CAMERA);
        Alert bobsAlert = Fixtures.alert(bobsCamera, "guard-bob-c2.example.net");
        UUID bobsBlock = PortalTestData.block(bobs.id(), "guard-bobs-block.example.com", null);
        HouseholdMember bobsMember = PortalTestData.addMember(bobs.id(), "portal-guard-bobs-partner",
                MemberRole.MEMBER);
        UUID bobsInvitation = PortalTestData.invite(bobs.id(), "portal-guard-alice", MemberRole.CO_ADMIN);
        PortalForms.Form form = PortalForms.from("/portal/settings");

        List<String> posts = List.of("/portal/devices/" + bobsCamera.id + "/identity?type=TV",
                "/portal/devices/" + bobsCamera.id + "/block", "/portal/devices/" + bobsCamera.id + "/trust",
                "/portal/alerts/" + bobsAlert.id + "/acknowledge", "/portal/alerts/" + bobsAlert.id + "/resolve",
                "/portal/alerts/" + bobsAlert.id + "/not-a-threat", "/portal/blocked/" + bobsBlock + "/remove",
                "/portal/settings/members/" + bobsMember.id + "/remove",
                "/portal/settings/invitations/" + bobsInvitation + "/cancel");
        for (String path : posts) {
            String[] parts = path.split("\\?");
            form.post().formParam("domain", "guard-x.example.com").formParam("type", "TV")
                    .post(parts[0]).then().statusCode(404).body(containsString("We couldn't find that"));
        }
        form.post().formParam("device", bobsCamera.id.toString())
                .post("/portal/blocked/" + bobsBlock + "/exemptions").then().statusCode(404);
        // a device of another household cannot be exempted from (or blocked in) one's own household either
        UUID alicesBlock = PortalTestData.block(alices.id(), "guard-alices-block.example.com", null);
        form.post().formParam("device", bobsCamera.id.toString())
                .post("/portal/blocked/" + alicesBlock + "/exemptions").then().statusCode(404);
        form.post().formParam("domain", "guard-y.example.com").formParam("device", bobsCamera.id.toString())
                .post("/portal/blocked").then().statusCode(404);

        given().get("/portal/devices/" + bobsCamera.id + "?range=7d").then().statusCode(404)
                .body(not(containsString("guard-bobs-camera")));
        given().get("/portal/blocked").then().statusCode(200).body(not(containsString("guard-bobs-block")));
        given().get("/portal/activity").then().statusCode(200).body(not(containsString("guard-bob")));
        given().get("/portal/settings").then().statusCode(200).body(not(containsString("portal-guard-bobs-partner")));

        assertEquals("guard-bobs-camera", PortalTestData.device(bobsCamera.id).displayName());
        assertEquals(DeviceType.CAMERA, PortalTestData.device(bobsCamera.id).type);
        assertEquals(AlertStatus.OPEN, PortalTestData.alert(bobsAlert.id).status);
        assertEquals(List.of("guard-bobs-block.example.com"), PortalTestData.blockedDomains(bobs.id()));
        assertEquals(1, PortalTestData.invitations(bobs.id()));
        assertEquals(2, PortalTestData.members(bobs.id()));
        assertNull(PortalTestData.quarantineOf(alicesLaptop.id));
        assertEquals(0, QuarkusTransaction.requiringNew().call(()
                -> BlockedDomain.count("domain", "guard-y.example.com")));
        assertEquals(0, QuarkusTransaction.requiringNew()
                .call(() -> HouseholdInvitation.count("householdId = ?1 and acceptedAt is not null",
                        bobs.id().value())));
        assertEquals("Household of portal-guard-bob",
                QuarkusTransaction.requiringNew().call(()
                        -> Household.<Household>findById(bobs.id().value()).displayName));
    }
}
