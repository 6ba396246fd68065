package io.homeshield.api.v1;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.enforcement.BlockedDomain;
import io.homeshield.household.HouseholdInvitation;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.MemberRole;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

/** Everything a subscriber does in the portal, through the API: lists in pages, alerts, blocks, members. */
@QuarkusTest
@TestSecurity(user = ApiHouseholdTest.SUBSCRIBER, roles = "subscriber")
class ApiHouseholdTest {

    static final String SUBSCRIBER = "api-household-alice";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    Fixtures.TestHousehold household;
    Fixtures.TestHousehold neighbour;

    @BeforeEach
    void households() {
        household = Fixtures.newHousehold(SUBSCRIBER);
        neighbour = Fixtures.household("api-household-bob");
    }

    @Test
    void devicesComeInPagesFollowingTheNextLinkAndFiltersCombine() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            made.add(Fixtures.device(household, "device-" + i, i % 2 == 0 ? DeviceType.PHONE : DeviceType.TV).id
                    .toString());
        }
        List<String> seen = new ArrayList<>();
        String url = "/api/v1/devices?limit=3";
        int pages = 0;
        while (url != null) {
            Response page = given().when().get(url).then().statusCode(200).extract().response();
            seen.addAll(page.path("id"));
            url = next(page);
            pages++;
        }
        assertThat(pages, equalTo(3));
        assertThat(seen, equalTo(made));

        given().when().get("/api/v1/devices?type=TV&q=DEVICE-").then().statusCode(200)
                .body("name", contains("device-1", "device-3", "device-5"));
        given().when().get("/api/v1/devices?quarantined=true").then().statusCode(200).body("$", empty());
        given().when().get("/api/v1/devices?limit=0").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("limit"));
        given().when().get("/api/v1/devices?cursor=%%%").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("cursor"));
    }

    @Test
    void alertsAreAcknowledgedResolvedOrMarkedNotAThreatOnlyInTheHousehold() {
        Device camera = Fixtures.device(household, "ipcam", DeviceType.CAMERA);
        Alert first = Fixtures.alert(camera, "one.example.net");
        Alert second = Fixtures.alert(camera, "two.example.net");
        Alert theirs = Fixtures.alert(Fixtures.device(neighbour, "tv", DeviceType.TV), "three.example.net");

        given().when().post("/api/v1/alerts/" + first.id + "/acknowledge")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        given().contentType("application/json").body("{\"comment\":\"reset it\"}")
                .when().post("/api/v1/alerts/" + first.id + "/resolve")
                .then().statusCode(200).body("status", equalTo("RESOLVED"));
        given().contentType("application/json").when().post("/api/v1/alerts/" + first.id + "/resolve")
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType("application/json").body("{\"comment\":\"our NAS\"}")
                .when().post("/api/v1/alerts/" + second.id + "/not-a-threat")
                .then().statusCode(200).body("status", equalTo("NOT_A_THREAT"));
        given().when().get("/api/v1/alerts?status=NOT_A_THREAT").then().body("id", contains(second.id.toString()));

        given().when().post("/api/v1/alerts/" + theirs.id + "/acknowledge")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").when().post("/api/v1/alerts/" + theirs.id + "/not-a-threat")
                .then().statusCode(404);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>findById(theirs.id).status.name()),
                equalTo("OPEN"));
    }

    @Test
    void trustingADeviceMarksItsAlerts() {
        Device nas = Fixtures.device(household, "nas", DeviceType.NAS);
        Fixtures.alert(nas, "backup.example.net");
        given().contentType("application/json").when().post("/api/v1/devices/" + nas.id + "/trust")
                .then().statusCode(200).body("alertsMarked", equalTo(1));
    }

    @Test
    void domainsAreBlockedOnceEvenWhenTheRequestIsReplayedAndDevicesSpared() {
        Device laptop = Fixtures.device(household, "laptop", DeviceType.LAPTOP);
        String key = UUID.randomUUID().toString();
        Response first = block(key, "{\"domain\":\"Ads.Example.com\"}").then().statusCode(201)
                .body("domain", equalTo("ads.example.com")).body("deviceId", nullValue())
                .extract().response();
        Response replay = block(key, "{\"domain\":\"Ads.Example.com\"}").then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract().response();
        assertThat(replay.path("id"), equalTo(first.path("id")));
        assertThat(replay.header("Location"), equalTo(first.header("Location")));
        block(key, "{\"domain\":\"other.example.com\"}").then().statusCode(422)
                .contentType("application/problem+json");
        assertThat(QuarkusTransaction.requiringNew().call(() -> BlockedDomain.count("householdId",
                household.id().value())), equalTo(1L));

        String id = first.path("id");
        given().contentType("application/json").body("{\"deviceId\":\"" + laptop.id + "\"}")
                .when().post("/api/v1/blocked-domains/" + id + "/exemptions")
                .then().statusCode(200).body("exemptDeviceIds", contains(laptop.id.toString()));
        given().when().get("/api/v1/blocked-domains?deviceId=" + laptop.id).then().body("$", empty());
        given().when().delete("/api/v1/blocked-domains/" + id + "/exemptions/" + laptop.id)
                .then().statusCode(200).body("exemptDeviceIds", empty());
        block(null, "{\"domain\":\"not a domain\"}").then().statusCode(400)
                .body("violations[0].field", equalTo("domain"));
        block(null, "{\"domain\":\"games.example.com\",\"deviceId\":\""
                + Fixtures.device(neighbour, "tv", DeviceType.TV).id + "\"}").then().statusCode(404);

        given().when().delete("/api/v1/blocked-domains/" + id).then().statusCode(204);
        given().when().get("/api/v1/blocked-domains").then().statusCode(200).body("$", empty());
        given().when().delete("/api/v1/blocked-domains/" + id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void membersAndInvitationsFollowThePortalsRules() {
        QuarkusTransaction.requiringNew().run(() -> new HouseholdMember(household.id(), "api-household-kid", "Kid",
                MemberRole.MEMBER, Instant.now()).persist());
        given().when().get("/api/v1/members").then().statusCode(200)
                .body("displayName", contains(SUBSCRIBER, "Kid"))
                .body("find { it.you }.role", equalTo("OWNER"));

        String key = UUID.randomUUID().toString();
        String invitation = given().contentType("application/json").header("Idempotency-Key", key)
                .body("{\"invitee\":\"Kim@Example.org\",\"role\":\"CO_ADMIN\"}").when().post("/api/v1/invitations")
                .then().statusCode(201).body("invitee", equalTo("kim@example.org")).extract().path("id");
        given().contentType("application/json").header("Idempotency-Key", key)
                .body("{\"invitee\":\"Kim@Example.org\",\"role\":\"CO_ADMIN\"}").when().post("/api/v1/invitations")
                .then().statusCode(201).body("id", equalTo(invitation));
        given().contentType("application/json").body("{\"invitee\":\"kim@example.org\"}")
                .when().post("/api/v1/invitations").then().statusCode(409).contentType("application/problem+json");
        given().contentType("application/json").body("{\"invitee\":\"someone\",\"role\":\"OWNER\"}")
                .when().post("/api/v1/invitations").then().statusCode(400).body("violations[0].field", equalTo("role"));
        given().when().get("/api/v1/invitations").then().body("id", contains(invitation));
        given().when().delete("/api/v1/invitations/" + invitation).then().statusCode(204);
        assertThat(QuarkusTransaction.requiringNew().call(() -> HouseholdInvitation.count("householdId",
                household.id().value())), equalTo(0L));

        UUID owner = QuarkusTransaction.requiringNew().call(() -> HouseholdMember.findBySubject(SUBSCRIBER).id);
        UUID kid = QuarkusTransaction.requiringNew().call(() -> HouseholdMember.findBySubject("api-household-kid").id);
        UUID theirOwner = QuarkusTransaction.requiringNew()
                .call(() -> HouseholdMember.findBySubject("api-household-bob").id);
        given().when().delete("/api/v1/members/" + owner).then().statusCode(403);
        given().when().delete("/api/v1/members/" + theirOwner).then().statusCode(404);
        given().when().delete("/api/v1/members/" + kid).then().statusCode(204);
    }

    @Test
    @TestSecurity(user = "api-household-member", roles = "subscriber")
    void aMemberLooksButDoesNotChange() {
        Fixtures.TestHousehold theirs = Fixtures.newHousehold("api-household-member", MemberRole.MEMBER);
        Device device = Fixtures.device(theirs, "phone", DeviceType.PHONE);
        given().when().get("/api/v1/members").then().statusCode(200);
        given().contentType("application/json").body("{\"invitee\":\"kim@example.org\"}")
                .when().post("/api/v1/invitations").then().statusCode(403).contentType("application/problem+json");
        given().contentType("application/json").body("{\"domain\":\"ads.example.com\"}")
                .when().post("/api/v1/blocked-domains").then().statusCode(403);
        given().contentType("application/json").body("{\"name\":\"x\"}").when().patch("/api/v1/devices/" + device.id)
                .then().statusCode(403);
    }

    @Test
    void activityIsNewestFirstInPages() {
        Device camera = Fixtures.device(household, "ipcam", DeviceType.CAMERA);
        for (String name : List.of("one", "two", "three")) {
            given().contentType("application/json").header("If-Match", "*").body("{\"name\":\"" + name + "\"}")
                    .when().patch("/api/v1/devices/" + camera.id).then().statusCode(200);
        }
        Response page = given().when().get("/api/v1/activity?limit=2").then().statusCode(200)
                .body("$", hasSize(2)).body("[0].action", equalTo("device.describe"))
                .body("[0].target", containsString("three")).body("[0].actorKind", equalTo("member"))
                .extract().response();
        given().when().get(next(page)).then().statusCode(200).body("target", hasItem(containsString("one")));
        assertThat(page.header("Link"), notNullValue());
    }

    private Response block(String key, String body) {
        var request = given().contentType("application/json").body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/v1/blocked-domains");
    }

    private static String next(Response page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }
}
