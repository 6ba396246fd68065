package io.homeshield.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.AuditEntry;
import io.homeshield.audit.AuditLog;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.BlockedDomain;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = "behalf-sam", roles = "support")
class OnBehalfTest {

    private static final String REASON = "Ticket 81234: customer called about odd traffic from the camera";

    @Inject
    AuditLog auditLog;

    @Test
    void supportQuarantinesWithAReasonAndTheHouseholdsActivityLogShowsIt() {
        TestHousehold home = Fixtures.household("behalf-customer");
        Device camera = Fixtures.device(home, "behalf-camera", DeviceType.CAMERA);
        String form = "/admin/households/" + home.id() + "/devices/" + camera.id + "/quarantine";

        StaffForms.from(form).post().formParam("duration", "7d").formParam("reason", REASON).post(form)
                .then().statusCode(303).header("Location", containsString("/admin/households/" + home.id()));

        DeviceQuarantine quarantine = QuarkusTransaction.requiringNew().call(()
                -> DeviceQuarantine.findById(camera.id));
        assertNotNull(quarantine, "the device is quarantined");
        assertEquals("behalf-sam", quarantine.requestedBy);
        assertEquals(1, actions(camera.id, ActionKind.QUARANTINE));
        List<AuditEntry> activity = QuarkusTransaction.requiringNew()
                .call(() -> auditLog.recentFor(home.id().value(), 10));
        // the router's confirmation may already be logged after it, by the system
        AuditEntry act = activity.stream().filter(e -> e.action.equals("device.quarantine"))
                .filter(e -> e.outcome.equals("requested")).findFirst().orElseThrow();
        assertEquals("behalf-sam", act.actor);
        assertEquals("support", act.actorRole);
        assertEquals(home.id().value(), act.householdId);
        assertEquals(camera.mac, act.target);
        assertEquals(REASON, act.reason);
        given().get("/admin/households/" + home.id()).then().statusCode(200).body(containsString(REASON))
                .body(containsString("/devices/" + camera.id + "/release"));
    }

    @Test
    void withoutAReasonNothingChangesAndTheFormSaysWhy() {
        TestHousehold home = Fixtures.household("behalf-noreason");
        Device camera = Fixtures.device(home, "behalf-noreason-camera", DeviceType.CAMERA);
        String base = "/admin/households/" + home.id();
        String quarantine = base + "/devices/" + camera.id + "/quarantine";
        StaffForms.Form form = StaffForms.from(quarantine);

        form.post().formParam("duration", "24h").post(quarantine).then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("Nothing was changed")).body(containsString("Give a reason"))
                .body(containsString("aria-invalid=\"true\""));
        form.post().formParam("duration", "24h").formParam("reason", "   ").post(quarantine).then().statusCode(400);
        form.post().formParam("duration", "24h").formParam("reason", "asked").post(quarantine).then().statusCode(400)
                .body(containsString("at least 10 characters"));
        form.post().formParam("reason", REASON).post(base + "/devices/" + camera.id + "/release")
                .then().statusCode(303);
        form.post().formParam("domain", "bad.example").post(base + "/block").then().statusCode(400)
                .body(containsString("value=\"bad.example\""));
        form.post().post(base + "/resend").then().statusCode(400);

        assertNull(QuarkusTransaction.requiringNew().call(() -> DeviceQuarantine.findById(camera.id)));
        assertEquals(0, actions(camera.id, ActionKind.QUARANTINE));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> BlockedDomain.count("householdId",
                home.id().value())));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "householdId = ?1 and actorRole = 'support' and action <> 'household.view'", home.id().value())),
                "only the release with its reason was recorded");
    }

    @Test
    void supportBlocksADomainAndResendsTheDesiredState() {
        TestHousehold home = Fixtures.household("behalf-block");
        Device camera = Fixtures.device(home, "behalf-block-camera", DeviceType.CAMERA);
        String base = "/admin/households/" + home.id();
        StaffForms.Form form = StaffForms.from(base + "/block");

        form.post().formParam("domain", "not a domain!").formParam("reason", REASON).post(base + "/block")
                .then().statusCode(400).body(containsString("Enter a domain name"));
        form.post().formParam("domain", "C2.Bad.Example").formParam("reason", REASON).post(base + "/block")
                .then().statusCode(303);
        form.post().formParam("duration", "until-released").formParam("reason", REASON)
                .post(base + "/devices/" + camera.id + "/quarantine").then().statusCode(303);
        form.post().formParam("reason", "Router replaced today, ticket 81240").post(base + "/resend")
                .then().statusCode(303).header("Location", containsString("done=resend"));

        BlockedDomain block = QuarkusTransaction.requiringNew().call(() ->
                BlockedDomain.<BlockedDomain>find("householdId",
                home.id().value()).singleResult());
        assertEquals("c2.bad.example", block.domain);
        assertTrue(block.householdWide());
        List<String> acts = QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list(
                "householdId = ?1 and actorRole = 'support' and action <> 'household.view' order by id",
                home.id().value()).stream().map(e -> e.action + "|" + e.reason).toList());
        assertEquals(List.of("domain.block|" + REASON, "device.quarantine|" + REASON,
                "household.resend|Router replaced today, ticket 81240"), acts);
        assertTrue(actions(camera.id, ActionKind.QUARANTINE) >= 1);
        given().get(base + "?done=resend").then().statusCode(200)
                .body(containsString("sent to its routers again")).body(containsString("c2.bad.example"));
    }

    @Test
    void aDeviceOfAnotherHouseholdIsNotFoundThroughThisOne() {
        TestHousehold mine = Fixtures.household("behalf-mine");
        TestHousehold other = Fixtures.household("behalf-other");
        Device theirs = Fixtures.device(other, "behalf-their-camera", DeviceType.CAMERA);
        StaffForms.Form form = StaffForms.from("/admin/households/" + mine.id() + "/block");
        String path = "/admin/households/" + mine.id() + "/devices/" + theirs.id + "/quarantine";

        given().get(path).then().statusCode(404);
        form.post().formParam("duration", "24h").formParam("reason", REASON).post(path).then().statusCode(404);
        form.post().formParam("domain", "bad.example").formParam("reason", REASON)
                .post("/admin/households/" + UUID.randomUUID() + "/block").then().statusCode(404);

        assertEquals(0, actions(theirs.id, ActionKind.QUARANTINE));
    }

    @Test
    void aFormWithoutItsTokenIsRefused() {
        TestHousehold home = Fixtures.household("behalf-csrf");
        Device camera = Fixtures.device(home, "behalf-csrf-camera", DeviceType.CAMERA);
        String path = "/admin/households/" + home.id() + "/devices/" + camera.id + "/quarantine";

        given().redirects().follow(false).formParam("duration", "24h").formParam("reason", REASON).post(path)
                .then().statusCode(403).body(containsString("nothing was changed"));

        assertEquals(0, actions(camera.id, ActionKind.QUARANTINE));
    }

    private static long actions(UUID deviceId, ActionKind kind) {
        return QuarkusTransaction.requiringNew()
                .call(() -> EnforcementAction.count("deviceId = ?1 and kind = ?2", deviceId, kind));
    }
}
