package io.homeshield.api.v1;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.DeviceQuarantine;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.household.MemberRole;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

@QuarkusTest
@TestSecurity(user = ApiActionsTest.SUBSCRIBER, roles = "subscriber")
class ApiActionsTest {

    static final String SUBSCRIBER = "api-actions-alice";

    Device camera;

    @BeforeEach
    void household() {
        camera = Fixtures.device(Fixtures.household(SUBSCRIBER), "ipcam-1234", DeviceType.CAMERA);
    }

    @Test
    void quarantineIsAcceptedWithTheActionsLocation() {
        Instant before = Instant.now();
        Response accepted = given().contentType("application/json").body("{\"level\":\"FULL\",\"duration\":\"PT1H\"}")
                .when().post("/api/v1/devices/" + camera.id + "/quarantine")
                .then().statusCode(202)
                .body("deviceId", equalTo(camera.id.toString()))
                .body("kind", equalTo("QUARANTINE"))
                .body("state", equalTo("REQUESTED"))
                .body("attempts", equalTo(0))
                .body("requestedAt", notNullValue())
                .extract().response();
        String actionId = accepted.path("id");
        assertThat(accepted.header("Location"), endsWith("/api/v1/actions/" + actionId));

        // the dispatcher moves it on in its own time; it has not failed
        given().when().get(accepted.header("Location"))
                .then().statusCode(200)
                .body("id", equalTo(actionId))
                .body("deviceId", equalTo(camera.id.toString()))
                .body("kind", equalTo("QUARANTINE"))
                .body("state", in(List.of("REQUESTED", "DISPATCHED", "APPLIED", "VERIFIED")))
                .body("updatedAt", notNullValue());
        DeviceQuarantine desired = QuarkusTransaction.requiringNew().call(() -> DeviceQuarantine.findById(camera.id));
        assertThat(desired.expiresAt, both(greaterThanOrEqualTo(before.plus(Duration.ofHours(1))))
                .and(lessThanOrEqualTo(Instant.now().plus(Duration.ofHours(1)))));
        given().when().get("/api/v1/devices/" + camera.id)
                .then().statusCode(200).body("quarantine.level", equalTo("FULL"));
        given().when().get("/api/v1/devices/" + camera.id + "/actions")
                .then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(actionId));
    }

    @Test
    void withoutABodyTheDeviceIsFullyQuarantinedUntilReleased() {
        given().contentType("application/json").when().post("/api/v1/devices/" + camera.id + "/quarantine")
                .then().statusCode(202);
        given().when().get("/api/v1/devices/" + camera.id)
                .then().statusCode(200)
                .body("quarantine.level", equalTo("FULL"))
                .body("quarantine.expiresAt", nullValue());
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaTypeProblem() {
        given().contentType("text/plain").body("FULL for an hour")
                .when().post("/api/v1/devices/" + camera.id + "/quarantine")
                .then().statusCode(415).contentType("application/problem+json");
        assertThat(actionsFor(camera.id), equalTo(0L));
    }

    @Test
    void releaseIsAcceptedLikewiseAndLiftsTheQuarantine() {
        given().contentType("application/json").body("{\"level\":\"INTERNET_ONLY\"}")
                .when().post("/api/v1/devices/" + camera.id + "/quarantine").then().statusCode(202);
        Response released = given().when().post("/api/v1/devices/" + camera.id + "/release")
                .then().statusCode(202)
                .body("kind", equalTo("RELEASE"))
                .body("state", equalTo("REQUESTED"))
                .extract().response();
        assertThat(released.header("Location"), endsWith("/api/v1/actions/" + released.<String>path("id")));
        given().when().get("/api/v1/devices/" + camera.id)
                .then().statusCode(200).body("quarantine", nullValue());
    }

    @Test
    void theSameIdempotencyKeyTwiceGivesTheSameActionAndStoresOne() {
        String key = "api-actions-" + UUID.randomUUID();
        String first = quarantineWithKey(key).then().statusCode(202).extract().path("id");
        String second = quarantineWithKey(key).then().statusCode(202).extract().path("id");

        assertThat(second, equalTo(first));
        assertThat(actionsFor(camera.id), equalTo(1L));
    }

    @Test
    void concurrentRetriesWithOneKeyStoreOneAction() throws Exception {
        String key = "api-actions-race-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = pool.invokeAll(Collections.nCopies(4,
                    () -> quarantineWithKey(key).then().statusCode(202).extract().<String>path("id")));
            for (Future<String> answer : answers) {
                assertThat(answer.get(), equalTo(answers.get(0).get()));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(actionsFor(camera.id), equalTo(1L));
    }

    @Test
    void aKeyUsedForAnotherRequestIsRefusedAndActsNever() {
        String key = "api-actions-" + UUID.randomUUID();
        quarantineWithKey(key).then().statusCode(202);

        given().header("Idempotency-Key", key).when().post("/api/v1/devices/" + camera.id + "/release")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://homeshield.io/problems/idempotency-key-reused"))
                .body("violations[0].field", equalTo("Idempotency-Key"));
        given().contentType("application/json").header("Idempotency-Key", key).body("{\"duration\":\"PT3H\"}")
                .when().post("/api/v1/devices/" + camera.id + "/quarantine")
                .then().statusCode(422).contentType("application/problem+json");
        assertThat(actionsFor(camera.id), equalTo(1L));
        given().header("Idempotency-Key", "x".repeat(101)).when().post("/api/v1/devices/" + camera.id + "/release")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void aDurationOutsideTheRangeOrNotADurationNamesTheField() {
        for (String duration : new String[] { "PT1M", "P31D", "an hour", "P1M", "3600" }) {
            given().contentType("application/json").body("{\"duration\":\"" + duration + "\"}")
                    .when().post("/api/v1/devices/" + camera.id + "/quarantine")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("violations[0].field", equalTo("duration"))
                    .body("violations[0].reason", notNullValue());
        }
        given().contentType("application/json").body("{\"duration\":\"PT5M\"}")
                .when().post("/api/v1/devices/" + camera.id + "/quarantine").then().statusCode(202);
        given().contentType("application/json").body("{\"duration\":\"P30D\"}")
                .when().post("/api/v1/devices/" + camera.id + "/quarantine").then().statusCode(202);
    }

    @Test
    void anUnknownLevelNamesTheField() {
        given().contentType("application/json").body("{\"level\":\"HALF\"}")
                .when().post("/api/v1/devices/" + camera.id + "/quarantine")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("level"))
                .body("violations[0].reason", equalTo("must be one of FULL, INTERNET_ONLY"));
        assertThat(actionsFor(camera.id), equalTo(0L));
    }

    @Test
    void malformedJsonIsAProblem() {
        given().contentType("application/json").body("{\"level\": FULL")
                .when().post("/api/v1/devices/" + camera.id + "/quarantine")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://homeshield.io/problems/malformed-json"));
        assertThat(actionsFor(camera.id), equalTo(0L));
    }

    @Test
    void anotherHouseholdsDeviceAndActionDoNotExistAndNothingIsStored() {
        Device theirs = Fixtures.device(Fixtures.household("api-actions-bob"), "tv", DeviceType.TV);
        UUID theirAction = QuarkusTransaction.requiringNew().call(() -> {
            EnforcementAction action = new EnforcementAction();
            action.id = UUID.randomUUID();
            action.householdId = theirs.householdId;
            action.routerId = theirs.routerId;
            action.deviceId = theirs.id;
            action.kind = ActionKind.QUARANTINE;
            action.targetMac = theirs.mac;
            action.state = ActionState.REQUESTED;
            action.nextAttemptAt = Instant.now();
            action.requestedBy = "api-actions-bob";
            action.requestedAt = Instant.now();
            action.updatedAt = Instant.now();
            action.persist();
            return action.id;
        });

        given().contentType("application/json").body("{\"duration\":\"PT1H\"}")
                .when().post("/api/v1/devices/" + theirs.id + "/quarantine")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().post("/api/v1/devices/" + theirs.id + "/release")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/actions/" + theirAction)
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/actions/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");

        assertThat(actionsFor(theirs.id), equalTo(1L));
        assertThat(QuarkusTransaction.requiringNew().call(() -> DeviceQuarantine.findById(theirs.id)), nullValue());
    }

    @Test
    @TestSecurity(user = "api-actions-member", roles = "subscriber")
    void aMemberWhoMayNotActIsForbidden() {
        Device device = Fixtures.device(Fixtures.household("api-actions-member", MemberRole.MEMBER), "phone",
                DeviceType.PHONE);

        given().contentType("application/json").body("{}")
                .when().post("/api/v1/devices/" + device.id + "/quarantine")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Only the household's owner or a co-admin can do this."));
        given().when().post("/api/v1/devices/" + device.id + "/release")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/devices/" + device.id).then().statusCode(200);
        assertThat(actionsFor(device.id), equalTo(0L));
    }

    private Response quarantineWithKey(String key) {
        return given().contentType("application/json").header("Idempotency-Key", key).body("{\"duration\":\"PT2H\"}")
                .when().post("/api/v1/devices/" + camera.id + "/quarantine");
    }

    private static long actionsFor(UUID deviceId) {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.count("deviceId", deviceId));
    }
}
