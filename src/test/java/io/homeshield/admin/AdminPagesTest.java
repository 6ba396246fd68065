package io.homeshield.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.AuditEntry;
import io.homeshield.household.Household;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.routers.usp.UspAgent;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class AdminPagesTest {

    @Test
    @TestSecurity(user = "admin-sub", roles = "subscriber")
    void aSubscriberIsRefusedTheStaffPageWithAFriendlyPage() {
        Fixtures.household("admin-sub");

        given().get("/admin").then().statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("You can't do that here"))
                .body(containsString("Back to your home network"));
        given().get("/").then().statusCode(200).body(not(containsString("href=\"/admin\"")));
    }

    @Test
    @TestSecurity(user = "admin-sam", roles = "support")
    void supportOpensAHouseholdsFileWithRoutersDevicesAlertsAndActivity() {
        TestHousehold home = Fixtures.household("admin-customer");
        Device camera = Fixtures.device(home, "admin-hall-camera", DeviceType.CAMERA);
        Fixtures.alert(camera, "admin-c2.example.net");
        Instant contact = Instant.now();
        String account = QuarkusTransaction.requiringNew().call(() -> {
            Router router = Router.findById(home.routerId());
            router.model = "Fritz!Box 7590";
            router.firmware = "7.57";
            router.lastContactAt = contact;
            return Household.<Household>findById(home.id().value()).accountNumber;
        });

        String page = given().get("/admin/households/" + home.id()).then().statusCode(200).extract().asString();

        assertThat(page, allOf(containsString("Household of admin-customer"), containsString(account),
                containsString("Fritz!Box 7590"), containsString("7.57"), containsString("just now"),
                containsString("admin-hall-camera"), containsString(camera.mac),
                containsString("Contact with a known malicious host"), containsString("admin-c2.example.net"),
                containsString("/devices/" + camera.id + "/quarantine"), containsString("Opened the household")));
        long looks = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "householdId = ?1 and action = 'household.view' and actor = 'admin-sam' and actorRole = 'support'",
                home.id().value()));
        assertEquals(1, looks, "opening the file is recorded in the audit log");
    }

    @Test
    @TestSecurity(user = "admin-sam", roles = "support")
    void aUspRoutersPageSaysInPlainWordsWhatItsAgentCannotDo() {
        TestHousehold home = Fixtures.newHousehold("admin-usp-customer");
        String endpointId = "os::admin-usp-" + home.id();
        String note = "The router has no table of blocked devices, so HomeShield cannot quarantine devices on it.";
        QuarkusTransaction.requiringNew().run(() -> {
            Router router = Router.findById(home.routerId());
            router.channel = ManagementChannel.USP;
            router.managementAddress = endpointId;
            UspAgent agent = new UspAgent();
            agent.endpointId = endpointId;
            agent.capabilitySummary = note;
            agent.updatedAt = Instant.now();
            agent.persist();
        });

        given().get("/admin/households/" + home.id()).then().statusCode(200)
                .body(containsString("What it can do for HomeShield"), containsString(note));
    }

    @Test
    @TestSecurity(user = "admin-ana", roles = "analyst")
    void anAnalystReadsAHouseholdWithoutTheMeansToAct() {
        TestHousehold home = Fixtures.household("admin-analysed");
        Device camera = Fixtures.device(home, "admin-analysed-camera", DeviceType.CAMERA);

        given().get("/admin/households/" + home.id()).then().statusCode(200)
                .body(containsString("admin-analysed-camera"))
                .body(not(containsString("/devices/" + camera.id + "/quarantine")))
                .body(not(containsString("Block a domain")));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "householdId = ?1 and action = 'household.view' and actorRole = 'analyst'", home.id().value())));
    }

    @Test
    @TestSecurity(user = "admin-ana2", roles = "analyst")
    void anUnknownHouseholdIsAFriendly404() {
        given().get("/admin/households/00000000-0000-0000-0000-000000000001").then().statusCode(404)
                .body(containsString("Household was not found"));
    }

    @Test
    @TestSecurity(user = "admin-root", roles = "admin")
    void theStartPageShowsAnAdminTheAuditLogOnly() {
        given().get("/admin").then().statusCode(200)
                .body(containsString("href=\"/admin/audit\""))
                .body(not(containsString("Find a household")))
                .body(not(containsString("href=\"/admin/fleet\"")));
    }
}
