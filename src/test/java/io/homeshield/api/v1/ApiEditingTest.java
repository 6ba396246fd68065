package io.homeshield.api.v1;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.household.Household;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.MemberRole;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** Editing a device's name and type, and the settings, with ETag and If-Match. */
@QuarkusTest
@TestSecurity(user = ApiEditingTest.SUBSCRIBER, roles = "subscriber")
class ApiEditingTest {

    static final String SUBSCRIBER = "api-editing-alice";

    Fixtures.TestHousehold household;
    Device camera;

    @BeforeEach
    void household() {
        household = Fixtures.household(SUBSCRIBER);
        camera = Fixtures.device(household, "ipcam-1234", DeviceType.CAMERA);
    }

    @Test
    void aDeviceIsRenamedWithItsCurrentETagAndAStaleOneIsRefusedWithoutChange() {
        String etag = given().when().get("/api/v1/devices/" + camera.id)
                .then().statusCode(200).header("ETag", notNullValue()).extract().header("ETag");

        String renamed = given().contentType("application/json").header("If-Match", etag)
                .body("{\"name\":\"Living-room camera\"}")
                .when().patch("/api/v1/devices/" + camera.id)
                .then().statusCode(200)
                .body("name", equalTo("Living-room camera"))
                .body("userLabel", equalTo("Living-room camera"))
                .body("type", equalTo("CAMERA"))
                .header("ETag", not(equalTo(etag)))
                .extract().header("ETag");

        // a second app still holding the first ETag
        given().contentType("application/json").header("If-Match", etag).body("{\"type\":\"TV\"}")
                .when().patch("/api/v1/devices/" + camera.id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://homeshield.io/problems/precondition-failed"))
                .header("ETag", equalTo(renamed));
        Device stored = QuarkusTransaction.requiringNew().call(() -> Device.findById(camera.id));
        assertThat(stored.type, equalTo(DeviceType.CAMERA));
        assertThat(stored.userLabel, equalTo("Living-room camera"));

        given().contentType("application/json").header("If-Match", renamed).body("{\"type\":\"TV\"}")
                .when().patch("/api/v1/devices/" + camera.id)
                .then().statusCode(200).body("type", equalTo("TV")).body("name", equalTo("Living-room camera"));
    }

    @Test
    void aDeviceSeenOnTheNetworkKeepsItsETag() {
        String etag = given().when().get("/api/v1/devices/" + camera.id).then().extract().header("ETag");
        QuarkusTransaction.requiringNew().run(() -> {
            Device d = Device.findById(camera.id);
            d.lastSeen = d.lastSeen.plusSeconds(30);
            d.ipAddress = "192.168.1.77";
        });
        given().when().get("/api/v1/devices/" + camera.id).then().header("ETag", equalTo(etag));
    }

    @Test
    void aWrongTypeOrTooLongANameNamesTheField() {
        given().contentType("application/json").header("If-Match", "*").body("{\"type\":\"TOASTER\"}")
                .when().patch("/api/v1/devices/" + camera.id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("type"));
        given().contentType("application/json").header("If-Match", "*").body("{\"name\":\"" + "x".repeat(101) + "\"}")
                .when().patch("/api/v1/devices/" + camera.id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("label"));
    }

    @Test
    void anotherHouseholdsDeviceCannotBeEdited() {
        Device theirs = Fixtures.device(Fixtures.household("api-editing-bob"), "tv", DeviceType.TV);
        given().contentType("application/json").header("If-Match", "*").body("{\"name\":\"mine now\"}")
                .when().patch("/api/v1/devices/" + theirs.id)
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Device.<Device>findById(theirs.id).userLabel),
                equalTo(null));
    }

    @Test
    void settingsChangeWithTheirETagAndAStaleOneIsRefused() {
        QuarkusTransaction.requiringNew().run(() -> Household.<Household>findById(household.id().value())
                .autoQuarantine = false);
        String etag = given().when().get("/api/v1/settings")
                .then().statusCode(200).body("autoQuarantine", equalTo(false)).extract().header("ETag");

        String changed = given().contentType("application/json").header("If-Match", etag)
                .body("{\"autoQuarantine\":true}").when().put("/api/v1/settings")
                .then().statusCode(200).body("autoQuarantine", equalTo(true)).body("notifyLevel", equalTo("SERIOUS"))
                .extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag).body("{\"notifyLevel\":\"NONE\"}")
                .when().put("/api/v1/settings")
                .then().statusCode(412).contentType("application/problem+json").header("ETag", equalTo(changed));
        assertThat(QuarkusTransaction.requiringNew().call(() -> HouseholdMember.findBySubject(SUBSCRIBER).notifyLevel
                .name()), equalTo("SERIOUS"));
    }

    @Test
    @TestSecurity(user = "api-editing-member", roles = "subscriber")
    void aMemberSetsTheirNotificationsButNotAutomaticQuarantine() {
        Fixtures.household("api-editing-member", MemberRole.MEMBER);
        given().contentType("application/json").header("If-Match", "*").body("{\"notifyLevel\":\"ALL\"}")
                .when().put("/api/v1/settings")
                .then().statusCode(200).body("notifyLevel", equalTo("ALL"));
        given().contentType("application/json").header("If-Match", "*").body("{\"autoQuarantine\":true}")
                .when().put("/api/v1/settings")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
