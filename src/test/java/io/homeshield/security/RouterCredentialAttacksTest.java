package io.homeshield.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.Router;
import io.homeshield.routers.openwrt.OpenWrtLogins;
import io.homeshield.routers.openwrt.RpcdLogin;
import io.homeshield.routers.openwrt.UbusPeer;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Attacks on routers' management credentials and on the provisioning API that issues them: each OpenWrt
 * router signs in with only its own login, the login is shown once and kept sealed, only the provider's
 * provisioning systems may issue one, and nothing can be registered on the SIMULATED channel in production.
 * Every refusal leaves routers, households and the routers' configurations as they were.
 */
@QuarkusTest
@TestProfile(RouterCredentialAttacksTest.ProductionProvisioning.class)
@TestSecurity(user = "crm-orders", roles = "provisioning")
class RouterCredentialAttacksTest {

    private static final String BASE = "/api/provisioning/v1";
    private static final Duration SOON = Duration.ofSeconds(20);

    /** Provisioning as production has it: no SIMULATED channel. */
    public static final class ProductionProvisioning implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("homeshield.provisioning.simulated-routers.allowed", "false");
        }
    }

    @Inject
    QuarantineService quarantines;

    @Inject
    OpenWrtLogins logins;

    private UbusPeer first;
    private UbusPeer second;

    @BeforeEach
    void startRouters() {
        first = UbusPeer.start();
        second = UbusPeer.start();
    }

    @AfterEach
    void stopRouters() {
        first.close();
        second.close();
    }

    @Test
    void eachRoutersRequestsCarryOnlyItsOwnLogin() {
        UUID household = household();
        Registered a = openWrtRouter(household, first);
        Registered b = openWrtRouter(household, second);
        assertNotEquals(a.login().password(), b.login().password());

        quarantineOne(household, a.id(), first);
        quarantineOne(household, b.id(), second);

        assertOnlyItsOwnLogin(first, a.login(), b.login());
        assertOnlyItsOwnLogin(second, b.login(), a.login());
    }

    @Test
    void theLoginIsShownOnlyInTheAnswerThatIssuedIt() {
        UUID household = household();
        Registered router = openWrtRouter(household, first);
        String password = router.login().password();

        String read = given().get(BASE + "/households/" + household).then().statusCode(200)
                .body("routers[0].managementLogin", nullValue()).extract().asString();
        String changed = given().contentType(ContentType.JSON).header("If-Match",
                "*").body("{\"firmware\":\"23.05.4\"}")
                .patch(BASE + "/routers/" + router.id()).then().statusCode(200)
                .body("managementLogin", nullValue()).extract().asString();
        String found = given().queryParam("accountNumber", accountOf(household)).get(BASE + "/households").then()
                .statusCode(200).extract().asString();

        for (String answer : List.of(read, changed, found)) {
            assertFalse(answer.contains(password), "the password is never answered again");
        }
    }

    @Test
    void theStoredLoginIsSealedNotThePassword() throws Exception {
        UUID household = household();
        Registered router = openWrtRouter(household, first);

        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) Router.getEntityManager()
                .createNativeQuery("select management_username, management_password_sealed from router where id = ?1")
                .setParameter(1, router.id()).getSingleResult());

        assertEquals("homeshield", row[0]);
        String sealed = (String) row[1];
        assertTrue(sealed.startsWith("v1."), sealed);
        assertFalse(sealed.contains(router.login().password()));
        assertFalse(new String(java.util.Base64.getUrlDecoder().decode(sealed.substring(3)),
                java.nio.charset.StandardCharsets.ISO_8859_1).contains(router.login().password()));
        assertEquals(router.login(), logins.of(target(router.id())), "only the deployment's key opens it");
    }

    @Test
    void aSealedLoginCopiedOntoAnotherRouterDoesNotOpenThereAndNothingIsSent() {
        UUID household = household();
        Registered a = openWrtRouter(household, first);
        Registered b = openWrtRouter(household, second);
        QuarkusTransaction.requiringNew().run(() -> {
            Router victim = Router.findById(b.id());
            victim.managementPasswordSealed = Router.<Router>findById(a.id()).managementPasswordSealed;
        });
        Device device = device(household, b.id());

        EnforcementAction action = quarantines.quarantine(new HouseholdId(household), device.id,
                QuarantineLevel.INTERNET_ONLY, null, Actor.subscriber("attacker"), null, null);

        await().atMost(SOON).until(() -> reload(action.id).state == ActionState.FAILED);
        assertTrue(reload(action.id).lastError.contains("does not belong to it"), reload(action.id).lastError);
        assertEquals(List.of(), second.received(), "the router was never sent another router's login");
        assertNull(second.committed("firewall", rule(device)));
    }

    @Test
    void aNewLoginReplacesTheOldOneAndTheOldOneIsNeverSentAgain() {
        UUID household = household();
        Registered router = openWrtRouter(household, first);

        String renewed = given().post(BASE + "/routers/" + router.id() + "/management-login").then().statusCode(200)
                .body("managementLogin.username", equalTo("homeshield"))
                .body("managementLogin.password", not(equalTo(router.login().password())))
                .extract().path("managementLogin.password");
        first.login(new RpcdLogin("homeshield", renewed));
        quarantineOne(household, router.id(), first);

        assertOnlyItsOwnLogin(first, new RpcdLogin("homeshield", renewed), router.login());
    }

    @Test
    void aRouterOnAnotherChannelHasNoLoginAndMovingOffOpenWrtDropsIt() {
        UUID household = household();
        UUID usp = UUID.fromString(registerRouter(household, "USP", "os::012345-" + unique()).statusCode(201)
                .body("managementLogin", nullValue()).extract().path("id"));
        given().post(BASE + "/routers/" + usp + "/management-login").then().statusCode(409)
                .contentType("application/problem+json");
        assertNull(QuarkusTransaction.requiringNew().call(() -> Router.<Router>findById(usp).managementPasswordSealed));

        Registered router = openWrtRouter(household, first);
        given().contentType(ContentType.JSON).header("If-Match",
                "*").body("{\"channel\":\"USP\",\"managementAddress\":\"os::012345-"
                + unique() + "\"}").patch(BASE + "/routers/" + router.id()).then().statusCode(200)
                .body("managementLogin", nullValue());
        assertNull(QuarkusTransaction.requiringNew().call(() -> Router.<Router>findById(router.id())
                .managementPasswordSealed));
    }

    @Test
    void plainHttpToAnAddressOutsideTheManagementNetworksIsRefused() {
        UUID household = household();
        long before = routers();

        problem(registerRouter(household, "OPENWRT", "http://192.0.2.7/ubus"), 400, "managementAddress");
        problem(registerRouter(household, "OPENWRT", "http://router.example.net/ubus"), 400, "managementAddress");
        problem(registerRouter(household, "OPENWRT", "https://admin:secret@192.0.2.7/ubus"), 400, "managementAddress");

        assertEquals(before, routers());
    }

    @Test
    void theSimulatedChannelIsRefusedOutsideDevelopment() {
        UUID household = household();
        Registered router = openWrtRouter(household, first);
        long before = routers();

        problem(registerRouter(household, "SIMULATED", null), 400, "channel");
        problem(given().contentType(ContentType.JSON).header("If-Match", "*").body("{\"channel\":\"SIMULATED\"}")
                .patch(BASE + "/routers/" + router.id()).then(), 400, "channel");

        assertEquals(before, routers());
        assertEquals("OPENWRT", QuarkusTransaction.requiringNew().call(() -> Router.<Router>findById(router.id())
                .channel.name()));
    }

    @Test
    @TestSecurity(user = "root", roles = "admin")
    void anAdministratorCannotProvisionOrIssueLogins() {
        refusedToEveryoneButProvisioning();
    }

    @Test
    @TestSecurity(user = "alice", roles = "subscriber")
    void aSubscriberCannotProvisionOrIssueLogins() {
        refusedToEveryoneButProvisioning();
    }

    @Test
    @TestSecurity(user = "ana", roles = { "analyst", "support" })
    void staffCannotProvisionOrIssueLogins() {
        refusedToEveryoneButProvisioning();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private record Registered(UUID id, RpcdLogin login) {
    }

    private void refusedToEveryoneButProvisioning() {
        TestHousehold existing = Fixtures.household("credential-attacks-" + unique());
        long households = QuarkusTransaction.requiringNew().call(() -> Household.count());
        long before = routers();

        forbidden(given().contentType(ContentType.JSON).body("{\"accountNumber\":\"A-" + unique()
                + "\",\"displayName\":\"Mallory\"}").post(BASE + "/households").then());
        forbidden(given().queryParam("accountNumber", "x").get(BASE + "/households").then());
        forbidden(registerRouter(existing.id().value(), "OPENWRT", "https://192.0.2.9/ubus-" + unique()));
        forbidden(given().post(BASE + "/routers/" + existing.routerId() + "/management-login").then());
        forbidden(given().post(BASE + "/routers/" + existing.routerId() + "/secret").then());

        assertEquals(households, QuarkusTransaction.requiringNew().call(() -> Household.count()));
        assertEquals(before, routers());
        assertNull(QuarkusTransaction.requiringNew().call(() -> Router.<Router>findById(existing.routerId())
                .managementPasswordSealed));
    }

    private static void forbidden(ValidatableResponse response) {
        response.statusCode(403).contentType("application/problem+json");
    }

    private void quarantineOne(UUID household, UUID router, UbusPeer peer) {
        Device device = device(household, router);
        EnforcementAction action = quarantines.quarantine(new HouseholdId(household), device.id,
                QuarantineLevel.INTERNET_ONLY, null, Actor.subscriber("credential-owner"), null, null);
        await().atMost(SOON).until(() -> reload(action.id).state == ActionState.VERIFIED);
        assertNotNull(peer.committed("firewall", rule(device)));
    }

    private static void assertOnlyItsOwnLogin(UbusPeer peer, RpcdLogin own, RpcdLogin other) {
        List<UbusPeer.Received> logins = peer.received("session", "login");
        assertFalse(logins.isEmpty());
        for (UbusPeer.Received login : logins) {
            assertEquals(own.password(), login.args().path("password").asText());
        }
        assertTrue(peer.received().stream().noneMatch(call -> call.body().contains(other.password())),
                "no request to this router carries another login's password");
    }

    private static Device device(UUID household, UUID router) {
        return Fixtures.device(new TestHousehold(new HouseholdId(household), router, null), "cam-" + unique(),
                DeviceType.CAMERA);
    }

    private static String rule(Device device) {
        return "quarantine_" + device.mac.replace(":", "").toLowerCase(Locale.ROOT);
    }

    private static UUID household() {
        return UUID.fromString(given().contentType(ContentType.JSON).body("{\"accountNumber\":\"RC-" + unique()
                + "\",\"displayName\":\"Credential Home\"}").post(BASE + "/households").then().statusCode(201)
                .extract().path("id"));
    }

    private static String accountOf(UUID household) {
        return QuarkusTransaction.requiringNew().call(() -> Household.<Household>findById(household).accountNumber);
    }

    private static Registered openWrtRouter(UUID household, UbusPeer peer) {
        ValidatableResponse registered = registerRouter(household, "OPENWRT",
                "https://192.0.2." + (1 + (int) (Math.random() * 250)) + "/ubus-" + unique()).statusCode(201)
                .body("managementLogin.username", equalTo("homeshield"))
                .body("managementLogin.password", notNullValue());
        RpcdLogin login = new RpcdLogin(registered.extract().path("managementLogin.username"),
                registered.extract().path("managementLogin.password"));
        peer.login(login);
        UUID id = UUID.fromString(registered.extract().path("id"));
        // the test peer listens on loopback, outside the management networks a registration may name
        QuarkusTransaction.requiringNew().run(() -> Router.<Router>findById(id).managementAddress = peer.url());
        return new Registered(id, login);
    }

    private static ValidatableResponse registerRouter(UUID household, String channel, String address) {
        return given().contentType(ContentType.JSON).body("""
                {"serialNumber":"SN-%s","model":"OpenWrt One","firmware":"23.05.3","channel":"%s"%s}""".formatted(
                unique(), channel, address == null ? "" : ",\"managementAddress\":\"" + address + "\""))
                .post(BASE + "/households/" + household + "/routers").then();
    }

    private static void problem(ValidatableResponse response, int status, String field) {
        response.statusCode(status).contentType("application/problem+json").body("violations[0].field", equalTo(field));
    }

    private static RouterTarget target(UUID router) {
        return QuarkusTransaction.requiringNew().call(() -> RouterTarget.of(Router.findById(router)));
    }

    private static long routers() {
        return QuarkusTransaction.requiringNew().call(() -> Router.count());
    }

    private static EnforcementAction reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.findById(id));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
