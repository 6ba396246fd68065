package io.homeshield.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.AuditEntry;
import io.homeshield.household.Household;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.Router;
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
    void supportFindsAHouseholdByAccountNumberAndSeesItReadOnly() {
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

        String page = given().queryParam("account", "  " + account.toLowerCase() + " ").get("/admin")
                .then().statusCode(200).extract().asString();

        org.hamcrest.MatcherAssert.assertThat(page, org.hamcrest.Matchers.allOf(
                containsString("Household of admin-customer"), containsString(account), containsString("Home"),
                containsString("Fritz!Box 7590"), containsString("7.57"), containsString("just now"),
                containsString("admin-hall-camera"), containsString(camera.mac),
                containsString("Contact with a known malicious host"), containsString("admin-c2.example.net"),
                not(containsString("<form method=\"post\""))));
        long looks = QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "householdId = ?1 and action = 'household.view' and actor = 'admin-sam' and actorRole = 'support'",
                home.id().value()));
        assertEquals(1, looks, "the lookup is recorded in the audit log");
    }

    @Test
    @TestSecurity(user = "admin-ana", roles = "analyst")
    void anUnknownAccountNumberGetsAFriendlyMessage() {
        given().queryParam("account", "HS-000000-NOPE").get("/admin").then().statusCode(200)
                .body(containsString("There is no household with that number"))
                .body(containsString("HS-000000-NOPE"));
    }

    @Test
    @TestSecurity(user = "admin-root", roles = "admin")
    void theSearchFormComesFirst() {
        given().get("/admin").then().statusCode(200)
                .body(containsString("<label for=\"account\">Account number</label>"))
                .body(not(containsString("There is no household")));
    }
}
