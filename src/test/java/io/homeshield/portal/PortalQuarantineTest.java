package io.homeshield.portal;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.household.MemberRole;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class PortalQuarantineTest {

    @Inject
    CsrfTokens tokens;

    @Test
    @TestSecurity(user = "portal-q-owner", roles = "subscriber")
    void quarantiningThroughTheFormStoresOneRequestedActionAndThePageShowsIt() {
        TestHousehold home = Fixtures.household("portal-q-owner");
        Device camera = Fixtures.device(home, "q-porch-camera", DeviceType.CAMERA);
        PortalForms.Form form = PortalForms.from("/portal/devices/" + camera.id + "/quarantine");
        Instant before = Instant.now();

        form.post().formParam("duration", "1h").formParam("requestKey", form.requestKey())
                .post("/portal/devices/" + camera.id + "/quarantine")
                .then().statusCode(303)
                .header("Location", endsWith("/portal/devices/" + camera.id + "?done=quarantine"));

        EnforcementAction action = PortalTestData.onlyAction(camera.id);
        assertEquals(ActionKind.QUARANTINE, action.kind);
        assertNotEquals(ActionState.FAILED, action.state, "requested, and maybe already on its way to the router");
        assertEquals("portal-q-owner", action.requestedBy);
        DeviceQuarantine desired = PortalTestData.quarantineOf(camera.id);
        assertEquals(QuarantineLevel.FULL, desired.level);
        Duration forHowLong = Duration.between(before, desired.expiresAt);
        assertTrue(forHowLong.compareTo(Duration.ofMinutes(59)) > 0 && forHowLong.compareTo(Duration.ofMinutes(61)) < 0,
                "quarantined for one hour, was " + forHowLong);

        given().get("/portal/devices/" + camera.id + "?done=quarantine").then().statusCode(200)
                .body(anyOf(containsString("Quarantine requested"), containsString("q-porch-camera is isolated")))
                .body(containsString("Online, isolated"))
                .body(containsString("Release q-porch-camera"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().get("/portal/devices/" + camera.id)
                .then().statusCode(200).body(containsString("Verified")));
    }

    @Test
    @TestSecurity(user = "portal-q-owner", roles = "subscriber")
    void sendingTheSameFormTwiceQuarantinesOnce() {
        TestHousehold home = Fixtures.household("portal-q-owner");
        Device plug = Fixtures.device(home, "q-smart-plug", DeviceType.SMART_PLUG);
        PortalForms.Form form = PortalForms.from("/portal/devices/" + plug.id + "/quarantine");

        for (int i = 0; i < 2; i++) {
            form.post().formParam("duration", "24h").formParam("requestKey", form.requestKey())
                    .post("/portal/devices/" + plug.id + "/quarantine").then().statusCode(303);
        }

        assertEquals(1, PortalTestData.actionsFor(plug.id));
    }

    @Test
    @TestSecurity(user = "portal-q-owner", roles = "subscriber")
    void untilReleasedHasNoEndAndReleaseLiftsIt() {
        TestHousehold home = Fixtures.household("portal-q-owner");
        Device dvr = Fixtures.device(home, "q-garage-dvr", DeviceType.CAMERA);
        PortalForms.Form form = PortalForms.from("/portal/devices/" + dvr.id + "/quarantine");
        form.post().formParam("duration", "until-released")
                .post("/portal/devices/" + dvr.id + "/quarantine").then().statusCode(303);
        assertNotNull(PortalTestData.quarantineOf(dvr.id));
        assertNull(PortalTestData.quarantineOf(dvr.id).expiresAt);

        given().get("/portal/devices/" + dvr.id).then().statusCode(200).body(containsString("until you release it"));
        PortalForms.Form release = PortalForms.from("/portal/devices/" + dvr.id);
        release.post().formParam("requestKey", release.requestKey())
                .post("/portal/devices/" + dvr.id + "/release")
                .then().statusCode(303).header("Location", endsWith("?done=release"));

        assertNull(PortalTestData.quarantineOf(dvr.id));
        assertEquals(1, PortalTestData.actionsFor(dvr.id, ActionKind.RELEASE));
        given().get("/portal/devices/" + dvr.id + "?done=release").then().statusCode(200)
                .body(anyOf(containsString("Release requested"), containsString("is back on your network")))
                .body(containsString("Quarantine this device"));
    }

    @Test
    @TestSecurity(user = "portal-q-owner", roles = "subscriber")
    void anUnknownDurationIsRefusedAndNothingIsStored() {
        TestHousehold home = Fixtures.household("portal-q-owner");
        Device tv = Fixtures.device(home, "q-bedroom-tv", DeviceType.TV);
        PortalForms.Form form = PortalForms.from("/portal/devices/" + tv.id + "/quarantine");

        form.post().formParam("duration", "forever-and-a-day")
                .post("/portal/devices/" + tv.id + "/quarantine")
                .then().statusCode(400).body(containsString("choose 1 hour, 24 hours or until you release it"));

        assertEquals(0, PortalTestData.actionsFor(tv.id));
        assertNull(PortalTestData.quarantineOf(tv.id));
    }

    @Test
    @TestSecurity(user = "portal-q-member", roles = "subscriber")
    void aMemberWhoMayNotActIsRefusedWithAFriendlyPage() {
        TestHousehold home = Fixtures.household("portal-q-member", MemberRole.MEMBER);
        Device phone = Fixtures.device(home, "q-kids-phone", DeviceType.PHONE);
        Fixtures.alert(phone, "q-member-bad.example.net");

        given().get("/portal/devices/" + phone.id).then().statusCode(200)
                .body(containsString("owner or a co-admin can quarantine or release devices"))
                .body(not(containsString("Quarantine this device")));
        given().get("/portal/devices/" + phone.id + "/quarantine").then().statusCode(403);

        // the member's pages have no forms; a correctly signed token shows that only the role refuses it
        String nonce = given().get("/portal/devices/" + phone.id).then().extract().cookie(CsrfTokens.COOKIE);
        new PortalForms.Form(nonce, tokens.tokenFor(nonce, "portal-q-member"), null).post()
                .formParam("duration", "1h").post("/portal/devices/" + phone.id + "/quarantine")
                .then().statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("You can't do that here"))
                .body(containsString("owner or a co-admin can do this."));

        assertEquals(0, PortalTestData.actionsFor(phone.id));
        assertNull(PortalTestData.quarantineOf(phone.id));
    }
}
