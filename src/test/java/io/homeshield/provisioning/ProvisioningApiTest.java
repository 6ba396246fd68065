package io.homeshield.provisioning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditEntry;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.household.Household;
import io.homeshield.inventory.Router;
import io.homeshield.testsupport.Batches;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The provider's systems register households and routers; nothing else may, and bad input changes nothing. */
@QuarkusTest
@TestSecurity(user = "crm-orders", roles = "provisioning")
class ProvisioningApiTest {

    private static final String BASE = "/api/provisioning/v1";

    @Inject
    ProvisioningService provisioning;

    @Test
    void aHouseholdAndItsRouterAreRegisteredAndTheRouterSendsTelemetryWithItsSecret() {
        String account = account();
        String household = post(BASE + "/households", """
                {"accountNumber":"%s","displayName":"Jordan Miller","kind":"sme"}""".formatted(account))
                .statusCode(201).header("Location", containsString(BASE + "/households/"))
                .body("accountNumber", equalTo(account)).body("kind", equalTo("SME")).body("routers", empty())
                .extract().path("id");
        String serial = "HSB5-" + UUID.randomUUID().toString().substring(0, 8);
        String endpoint = "os::012345-" + UUID.randomUUID().toString().substring(0, 12);

        ValidatableResponse registered = post(BASE + "/households/" + household + "/routers", """
                {"serialNumber":"%s","model":"HS-Box 5","firmware":"5.2.1","channel":"USP",\
                "managementAddress":"%s"}""".formatted(serial, endpoint))
                .statusCode(201).header("Location", containsString(BASE + "/routers/"))
                .body("channel", equalTo("USP")).body("managementAddress", equalTo(endpoint))
                .body("ingestSecret", notNullValue());
        UUID router = UUID.fromString(registered.extract().path("id"));
        String secret = registered.extract().path("ingestSecret");

        given().get(BASE + "/households/" + household).then().statusCode(200)
                .body("routers", hasSize(1)).body("routers[0].serialNumber", equalTo(serial))
                .body("routers[0].ingestSecret", nullValue());
        given().queryParam("accountNumber", account).get(BASE + "/households").then().statusCode(200)
                .body("[0].id", equalTo(household));
        given().queryParam("accountNumber", "no-such-account").get(BASE + "/households").then().statusCode(200)
                .body("$", empty());
        sendTelemetry(router, secret, 1).statusCode(202);
        assertEquals(2, audited("crm-orders", UUID.fromString(household)), "household and router registration");
    }

    @Test
    void aNewSecretReplacesTheOldOne() {
        UUID router = registeredRouter("GENIEACS", "202BC1-BM632w-" + UUID.randomUUID().toString().substring(0, 8));
        String first = QuarkusTransaction.requiringNew().call(() -> provisioning.newSecret(router,
                new Actor("crm-orders", "provisioning")).ingestSecret());

        String second = given().post(BASE + "/routers/" + router + "/secret").then().statusCode(200)
                .body("ingestSecret", notNullValue()).extract().path("ingestSecret");

        sendTelemetry(router, first, 1).statusCode(401);
        sendTelemetry(router, second, 1).statusCode(202);
    }

    @Test
    void aRouterMovedToAnotherChannelIsSentTheHouseholdsDesiredStateAgain() {
        UUID router = registeredRouter("GENIEACS", "202BC1-BM632w-" + UUID.randomUUID().toString().substring(0, 8));
        String endpoint = "os::012345-" + UUID.randomUUID().toString().substring(0, 12);

        String etag = given().get(BASE + "/routers/" + router).then().statusCode(200).extract().header("ETag");
        given().contentType(ContentType.JSON).body("{\"firmware\":\"5.3.0\"}").patch(BASE + "/routers/" + router)
                .then().statusCode(428).contentType("application/problem+json")
                .body("violations[0].field", equalTo("If-Match"));
        String moved = given().contentType(ContentType.JSON).header("If-Match", etag).body("""
                {"channel":"USP","managementAddress":"%s","firmware":"5.3.0"}""".formatted(endpoint))
                .patch(BASE + "/routers/" + router).then().statusCode(200)
                .body("channel", equalTo("USP")).body("managementAddress", equalTo(endpoint))
                .body("firmware", equalTo("5.3.0")).extract().header("ETag");
        given().contentType(ContentType.JSON).header("If-Match", etag).body("{\"firmware\":\"6.0.0\"}")
                .patch(BASE + "/routers/" + router).then().statusCode(412).header("ETag", equalTo(moved));

        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> EnforcementAction.count(
                "routerId = ?1 and kind = ?2", router, ActionKind.SYNC_DOMAIN_BLOCKS)),
                        "its blocked domains go out again");
        given().contentType(ContentType.JSON).header("If-Match", moved).body("{\"firmware\":\"5.3.1\"}")
                .patch(BASE + "/routers/" + router)
                .then().statusCode(200).body("channel", equalTo("USP")).body("managementAddress", equalTo(endpoint));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> EnforcementAction.count(
                "routerId = ?1 and kind = ?2", router, ActionKind.SYNC_DOMAIN_BLOCKS)),
                        "a firmware note sends nothing");
    }

    @Test
    void badInputIsRefusedWithTheFieldAndChangesNothing() {
        String account = account();
        problem(post(BASE + "/households", "{\"displayName\":\"No account\"}"), 400, "accountNumber");
        problem(post(BASE + "/households", """
                {"accountNumber":"%s","displayName":"X","kind":"CASTLE"}""".formatted(account)), 400, "kind");
        problem(post(BASE + "/households", """
                {"accountNumber":"bad account!","displayName":"X"}"""), 400, "accountNumber");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Household.count("accountNumber", account)));

        String household = post(BASE + "/households", """
                {"accountNumber":"%s","displayName":"Twice"}""".formatted(account)).statusCode(201)
                .extract().path("id");
        post(BASE + "/households", """
                {"accountNumber":"%s","displayName":"Twice"}""".formatted(account)).statusCode(409)
                .contentType("application/problem+json");

        String routers = BASE + "/households/" + household + "/routers";
        problem(post(routers, router("USP", "not an endpoint id")), 400, "managementAddress");
        problem(post(routers, router("OPENWRT", "ftp://192.0.2.1/ubus")), 400, "managementAddress");
        problem(post(routers, router("GENIEACS", null)), 400, "managementAddress");
        problem(post(routers, router("SIMULATED", "os::x:y")), 400, "managementAddress");
        problem(post(routers, router("TR-064", "x")), 400, "channel");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Router.count("householdId",
                UUID.fromString(household))));
        post(BASE + "/households/" + UUID.randomUUID() + "/routers", router("OPENWRT", "https://192.0.2.1/ubus"))
                .statusCode(404).contentType("application/problem+json");

        String address = "https://192.0.2." + (int) (Math.random() * 250) + "/ubus-" + UUID.randomUUID();
        post(routers, router("OPENWRT", address)).statusCode(201);
        post(routers, router("OPENWRT", address)).statusCode(409).body("detail", containsString(address));
    }

    @Test
    @TestSecurity(user = "owner-0b5c3e1a", roles = "subscriber")
    void theOwnerSignsInStraightToTheRegisteredHouseholdButCannotProvision() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (io.homeshield.household.HouseholdMember.findBySubject("owner-0b5c3e1a") == null) {
                provisioning.register(new HouseholdRegistration(account(), "Owner Home", null, "owner-0b5c3e1a",
                        "Robin"), new Actor("crm-orders", "provisioning"));
            }
        });

        given().get("/api/v1/devices").then().statusCode(200);
        post(BASE + "/households", "{\"accountNumber\":\"" + account() + "\",\"displayName\":\"Mine\"}")
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "sam", roles = "support")
    void supportStaffCannotProvision() {
        given().queryParam("accountNumber", "x").get(BASE + "/households").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    @TestSecurity
    void withoutATokenTheApiAnswers401() {
        given().queryParam("accountNumber", "x").get(BASE + "/households").then().statusCode(401)
                .contentType("application/problem+json");
    }

    private UUID registeredRouter(String channel, String address) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Actor crm = new Actor("crm-orders", "provisioning");
            UUID household = provisioning.register(new HouseholdRegistration(account(), "Test Home", null, null, null),
                    crm).id();
            return provisioning.addRouter(household, new RouterRegistration("SN-" + UUID.randomUUID(), "HS-Box 5",
                    "5.2.1", channel, address), crm).id();
        });
    }

    private static ValidatableResponse sendTelemetry(UUID router, String secret, long sequence) {
        return given().auth().preemptive().basic(router.toString(), secret).contentType(ContentType.JSON)
                .body(Batches.of(router, sequence).host("AA:BB:CC:10:20:30", "192.168.1.20", "laptop", true).build())
                .when().post("/ingest/v1/batches").then();
    }

    private static ValidatableResponse post(String path, String json) {
        return given().contentType(ContentType.JSON).body(json).when().post(path).then();
    }

    private static void problem(ValidatableResponse response, int status, String field) {
        response.statusCode(status).contentType("application/problem+json").body("violations[0].field", equalTo(field));
    }

    private static String router(String channel, String address) {
        return """
                {"serialNumber":"SN-%s","model":"HS-Box 5","firmware":"5.2.1","channel":"%s"%s}""".formatted(
                UUID.randomUUID(), channel, address == null ? "" : ",\"managementAddress\":\"" + address + "\"");
    }

    private static long audited(String actor, UUID household) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("actor = ?1 and householdId = ?2 and"
                + " action in ?3", actor, household, List.of("household.register", "router.register")));
    }

    private static String account() {
        return "T-" + UUID.randomUUID().toString().substring(0, 13);
    }
}
