package io.homeshield.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.homeshield.alert.Alert;
import io.homeshield.enforcement.BlockedDomain;
import io.homeshield.household.HouseholdMember;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.net.DomainName;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Input an attacker sends to API v1 and the provisioning API: wrong JSON types, text where a boolean
 * belongs, trailing content, properties the API does not document, an empty device type, an edit
 * without If-Match, control and direction-changing characters, domains that are not a site's, lists
 * longer than documented. Each is refused with problem+json naming the field, and nothing changes.
 */
@QuarkusTest
class StrictInputAttacksTest {

    static final String OWNER = "strict-input-owner";
    private static final String INVALID = "invalid-request";
    private static final String MALFORMED = "malformed-json";
    private static final String PRECONDITION_REQUIRED = "precondition-required";
    private static final String BASE = "/api/provisioning/v1";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static Fixtures.TestHousehold household;
    private static Device camera;
    private static Alert alert;
    private static BlockedDomain block;
    private static UUID provisionedHousehold;
    private static UUID provisionedRouter;

    /** One attack: what is sent, and what the answer must say. */
    record Attack(String name, String method, String path, String ifMatch, String body, int status, String type,
            String field) {

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeEach
    void household() {
        if (household != null) {
            return;
        }
        household = Fixtures.newHousehold(OWNER);
        camera = Fixtures.device(household, "strict-cam", DeviceType.CAMERA);
        alert = Fixtures.alert(camera, "strict.example.net");
        block = QuarkusTransaction.requiringNew().call(() -> {
            BlockedDomain b = new BlockedDomain();
            b.id = UUID.randomUUID();
            b.householdId = household.id().value();
            b.domain = DomainName.of("tracker.example.com").value();
            b.createdBy = OWNER;
            b.createdAt = java.time.Instant.now();
            b.persist();
            return b;
        });
        provisionedHousehold = household.id().value();
        provisionedRouter = household.routerId();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subscriberAttacks")
    @TestSecurity(user = OWNER, roles = "subscriber")
    void aSubscribersMalformedRequestIsRefusedNamingTheFieldAndChangesNothing(Attack attack) {
        assertRefusedAndNothingChanged(attack);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("provisioningAttacks")
    @TestSecurity(user = "strict-input-crm", roles = "provisioning")
    void theProvidersMalformedRequestIsRefusedNamingTheFieldAndChangesNothing(Attack attack) {
        assertRefusedAndNothingChanged(attack);
    }

    @ParameterizedTest(name = "portal: {0}")
    @CsvSource(delimiter = '|', value = {
            "co.uk | is a public suffix", "localhost | only means something inside a network",
            "10.0.0.1 | is an IP address", "ads.example.com\u202E | control or direction-changing" })
    @TestSecurity(user = OWNER, roles = "subscriber")
    void thePortalFormsKeepWhatWasTypedAndSayWhyItIsRefused(String typed, String why) {
        List<Object> before = state();
        Response page = given().get("/portal/blocked").then().statusCode(200).extract().response();
        Matcher token = CSRF.matcher(page.asString());
        assertTrue(token.find(), "the page renders a form token");
        for (String form : List.of("/portal/blocked", resolve("/portal/devices/{device}/block"))) {
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                    .cookie("hs_csrf", page.getCookie("hs_csrf")).formParam("_csrf", token.group(1))
                    .formParam("domain", typed).formParam("device", "").post(form)
                    .then().statusCode(400).contentType(containsString("text/html"))
                    .body(containsString("value=\"" + typed + "\""))
                    .body(containsString("aria-invalid=\"true\""))
                    .body(containsString(why));
        }
        assertEquals(before, state(), "nothing changed");
    }

    private static void assertRefusedAndNothingChanged(Attack attack) {
        List<Object> before = state();
        RequestSpecification request = given().contentType("application/json").body(attack.body());
        if (attack.ifMatch() != null) {
            request.header("If-Match", attack.ifMatch());
        }
        ValidatableResponse answer = request.when().request(attack.method(), resolve(attack.path())).then()
                .statusCode(attack.status()).contentType("application/problem+json")
                .body("type", equalTo("https://homeshield.io/problems/" + attack.type()))
                .body("status", equalTo(attack.status()));
        if (attack.field() != null) {
            answer.body("violations.field", hasItem(attack.field()));
        }
        answer.body("detail", not(containsString("Exception")));
        assertEquals(before, state(), "nothing changed");
    }

    private static String resolve(String path) {
        return path.replace("{device}", camera.id.toString()).replace("{alert}", alert.id.toString())
                .replace("{block}", block.id.toString()).replace("{household}", provisionedHousehold.toString())
                .replace("{router}", provisionedRouter.toString());
    }

    /** What an attack could have changed, read from the database. */
    private static List<Object> state() {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager db = Panache.getEntityManager();
            UUID id = household.id().value();
            List<Object> state = new ArrayList<>();
            Device device = Device.findById(camera.id);
            state.add(device.userLabel);
            state.add(device.type);
            state.add(db.createNativeQuery("select auto_quarantine from household where id = ?1").setParameter(1, id)
                    .getSingleResult());
            state.add(HouseholdMember.findBySubject(OWNER).notifyLevel);
            state.add(Alert.<Alert>findById(alert.id).status);
            for (String table : List.of("domain_block", "webhook", "household_invitation", "enforcement_action",
                    "device_quarantine", "audit_entry", "api_idempotency", "router")) {
                state.add(table + "=" + db.createNativeQuery("select count(*) from " + table
                        + " where household_id = ?1")
                        .setParameter(1, id).getSingleResult());
            }
            state.add(db.createNativeQuery("select count(*) from domain_block_exemption where block_id = ?1")
                    .setParameter(1, block.id).getSingleResult());
            state.add(db.createNativeQuery("select count(*) from household").getSingleResult());
            state.add(db.createNativeQuery("select firmware from router where id = ?1")
                    .setParameter(1, provisionedRouter).getSingleResult());
            return state;
        });
    }

    private static Attack patch(String name, String body, int status, String type, String field) {
        return new Attack(name, "PATCH", "/api/v1/devices/{device}", "*", body, status, type, field);
    }

    private static Attack put(String name, String body, String field) {
        return new Attack(name, "PUT", "/api/v1/settings", "*", body, 400, INVALID, field);
    }

    private static Attack post(String name, String path, String body, int status, String type, String field) {
        return new Attack(name, "POST", path, null, body, status, type, field);
    }

    private static Attack post(String name, String path, String body, String field) {
        return post(name, path, body, 400, INVALID, field);
    }

    static Stream<Arguments> subscriberAttacks() {
        return Stream.concat(editAttacks(), entryAttacks()).map(Arguments::of);
    }

    private static Stream<Attack> editAttacks() {
        return Stream.of(
                // device edits: types are never coerced, an empty or unknown type is refused, If-Match is required
                patch("number for a name", "{\"name\":5}", 400, INVALID, "name"),
                patch("boolean for a name", "{\"name\":true}", 400, INVALID, "name"),
                patch("list for a name", "{\"name\":[\"cam\"]}", 400, INVALID, "name"),
                patch("object for a name", "{\"name\":{\"first\":\"cam\"}}", 400, INVALID, "name"),
                patch("number for a type", "{\"type\":1}", 400, INVALID, "type"),
                patch("empty type", "{\"type\":\"\"}", 400, INVALID, "type"),
                patch("unknown type", "{\"type\":\"TOASTER\"}", 400, INVALID, "type"),
                patch("lower-case type", "{\"type\":\"camera\"}", 400, INVALID, "type"),
                patch("unknown property", "{\"name\":\"cam\",\"household\":\"other\"}", 400, INVALID, "household"),
                patch("trailing garbage", "{\"name\":\"cam\"} x", 400, MALFORMED, null),
                patch("a second document", "{\"name\":\"cam\"}{\"name\":\"evil\"}", 400, MALFORMED, null),
                patch("a trailing array", "{\"name\":\"cam\"} []", 400, MALFORMED, null),
                patch("bell in a name", "{\"name\":\"cam\\u0007\"}", 400, INVALID, "name"),
                patch("line break in a name", "{\"name\":\"cam\\nAdmin: yes\"}", 400, INVALID, "name"),
                patch("NUL in a name", "{\"name\":\"cam\\u0000\"}", 400, INVALID, "name"),
                patch("right-to-left override in a name", "{\"name\":\"cam\\u202Egpj.exe\"}", 400, INVALID, "name"),
                patch("left-to-right embedding in a name", "{\"name\":\"\\u202Acam\"}", 400, INVALID, "name"),
                patch("first-strong isolate in a name", "{\"name\":\"\\u2068cam\"}", 400, INVALID, "name"),
                patch("pop directional isolate in a name", "{\"name\":\"cam\\u2069\"}", 400, INVALID, "name"),
                new Attack("device edit without If-Match", "PATCH", "/api/v1/devices/{device}", null,
                        "{\"name\":\"cam\"}", 428, PRECONDITION_REQUIRED, "If-Match"),
                new Attack("device edit with an empty If-Match", "PATCH", "/api/v1/devices/{device}", "",
                        "{\"name\":\"cam\"}", 428, PRECONDITION_REQUIRED, "If-Match"),
                // settings
                put("text \"true\" for a boolean", "{\"autoQuarantine\":\"true\"}", "autoQuarantine"),
                put("1 for a boolean", "{\"autoQuarantine\":1}", "autoQuarantine"),
                put("0 for a boolean", "{\"autoQuarantine\":0}", "autoQuarantine"),
                put("\"yes\" for a boolean", "{\"autoQuarantine\":\"yes\"}", "autoQuarantine"),
                put("number for a level", "{\"notifyLevel\":1}", "notifyLevel"),
                put("empty level", "{\"notifyLevel\":\"\"}", "notifyLevel"),
                put("unknown level", "{\"notifyLevel\":\"LOUD\"}", "notifyLevel"),
                put("boolean for a level", "{\"notifyLevel\":true}", "notifyLevel"),
                put("unknown settings property", "{\"autoQuarantine\":true,\"owner\":\"me\"}", "owner"),
                new Attack("settings with trailing content", "PUT", "/api/v1/settings", "*",
                        "{\"autoQuarantine\":true} {}", 400, MALFORMED, null),
                new Attack("settings change without If-Match", "PUT", "/api/v1/settings", null,
                        "{\"autoQuarantine\":true}", 428, PRECONDITION_REQUIRED, "If-Match"));
    }

    private static Stream<Attack> entryAttacks() {
        String blocks = "/api/v1/blocked-domains";
        String resolve = "/api/v1/alerts/{alert}/resolve";
        String quarantine = "/api/v1/devices/{device}/quarantine";
        String webhooks = "/api/v1/webhooks";
        String invitations = "/api/v1/invitations";
        String hook = "\"url\":\"https://hub.example.org/homeshield\"";
        return Stream.of(
                // domains people enter
                post("public suffix com", blocks, "{\"domain\":\"com\"}", "domain"),
                post("public suffix co.uk", blocks, "{\"domain\":\"co.uk\"}", "domain"),
                post("public suffix with a trailing dot", blocks, "{\"domain\":\"co.uk.\"}", "domain"),
                post("private-registry public suffix", blocks, "{\"domain\":\"github.io\"}", "domain"),
                post("bare label localhost", blocks, "{\"domain\":\"localhost\"}", "domain"),
                post("bare label printer", blocks, "{\"domain\":\"printer\"}", "domain"),
                post("IPv4 address", blocks, "{\"domain\":\"192.168.1.1\"}", "domain"),
                post("IPv6 address", blocks, "{\"domain\":\"[::1]\"}", "domain"),
                post("octal IPv4 form", blocks, "{\"domain\":\"0177.0.0.1\"}", "domain"),
                post("decimal IPv4 form", blocks, "{\"domain\":\"2130706433\"}", "domain"),
                post("hexadecimal IPv4 form", blocks, "{\"domain\":\"0x7f.0x0.0x0.0x1\"}", "domain"),
                post("line break in a domain", blocks, "{\"domain\":\"ads.example.com\\n\"}", "domain"),
                post("override character in a domain", blocks, "{\"domain\":\"ads.example.com\\u202E\"}", "domain"),
                post("unknown top-level domain", blocks, "{\"domain\":\"nas.home-network-zzz\"}", "domain"),
                post("number for a domain", blocks, "{\"domain\":123}", "domain"),
                post("list for a domain", blocks, "{\"domain\":[\"ads.example.com\"]}", "domain"),
                post("unknown block property", blocks, "{\"domain\":\"ads.example.com\",\"scope\":\"all\"}", "scope"),
                post("number for an exempted device", blocks + "/{block}/exemptions", "{\"deviceId\":123}",
                        "deviceId"),
                post("unknown exemption property", blocks + "/{block}/exemptions",
                        "{\"deviceId\":\"" + UUID.randomUUID() + "\",\"all\":true}", "all"),
                // reasons
                post("number for a reason", resolve, "{\"comment\":5}", "comment"),
                post("NUL in a reason", resolve, "{\"comment\":\"fine\\u0000\"}", "comment"),
                post("override character in a reason", resolve, "{\"comment\":\"\\u202Eenif\"}", "comment"),
                post("escape sequence in a reason", resolve, "{\"comment\":\"\\u001b[31mred\"}", "comment"),
                post("unknown feedback property", resolve, "{\"comment\":\"ok\",\"verdict\":\"bad\"}", "verdict"),
                // quarantine
                post("number for a level", quarantine, "{\"level\":1}", "level"),
                post("boolean for a level", quarantine, "{\"level\":true}", "level"),
                post("number for a duration", quarantine, "{\"duration\":3600}", "duration"),
                post("unknown quarantine property", quarantine, "{\"level\":\"FULL\",\"until\":\"tomorrow\"}",
                        "until"),
                // webhooks: a documented list size, and no secret of the caller's choosing
                post("text for the event list", webhooks, "{" + hook + ",\"eventTypes\":\"alert.raised\"}",
                        "eventTypes"),
                post("four event types", webhooks, "{" + hook + ",\"eventTypes\":[\"alert.raised\","
                        + "\"alert.raised\",\"alert.status-changed\",\"action.state-changed\"]}", "eventTypes"),
                post("a thousand event types", webhooks, "{" + hook + ",\"eventTypes\":["
                        + String.join(",", java.util.Collections.nCopies(1000, "\"alert.raised\"")) + "]}",
                        "eventTypes"),
                post("number for an event type", webhooks, "{" + hook + ",\"eventTypes\":[1]}", "eventTypes[0]"),
                post("number for a URL", webhooks, "{\"url\":5,\"eventTypes\":[\"alert.raised\"]}", "url"),
                post("a chosen signing secret", webhooks, "{" + hook + ",\"eventTypes\":[\"alert.raised\"],"
                        + "\"secret\":\"known-to-the-attacker\"}", "secret"),
                // invitations
                post("override character in an invitee", invitations, "{\"invitee\":\"kim\\u202E@example.org\"}",
                        "invitee"),
                post("header injection in an invitee", invitations,
                        "{\"invitee\":\"kim@example.org\\r\\nBcc: all@example.org\"}", "invitee"),
                post("number for an invitee", invitations, "{\"invitee\":42}", "invitee"),
                post("number for a role", invitations, "{\"invitee\":\"kim@example.org\",\"role\":1}", "role"),
                post("unknown invitation property", invitations,
                        "{\"invitee\":\"kim@example.org\",\"household\":\"" + UUID.randomUUID() + "\"}", "household"));
    }

    static Stream<Arguments> provisioningAttacks() {
        String households = BASE + "/households";
        String routers = BASE + "/households/{household}/routers";
        String router = BASE + "/routers/{router}";
        String routerBody = "\"serialNumber\":\"SI-%s\",\"model\":\"HS-Box 5\",\"firmware\":\"5.2.1\","
                + "\"channel\":\"SIMULATED\"";
        return Stream.of(
                post("number for an account number", households,
                        "{\"accountNumber\":100204871,\"displayName\":\"Jordan Miller\"}", "accountNumber"),
                post("boolean for a display name", households,
                        "{\"accountNumber\":\"SI-1\",\"displayName\":true}", "displayName"),
                post("override character in a display name", households,
                        "{\"accountNumber\":\"SI-2\",\"displayName\":\"Jordan \\u202EMiller\"}", "displayName"),
                post("line break in an owner's name", households,
                        "{\"accountNumber\":\"SI-3\",\"displayName\":\"Jordan\",\"ownerName\":\"a\\nb\"}", "ownerName"),
                post("unknown household property", households,
                        "{\"accountNumber\":\"SI-4\",\"displayName\":\"Jordan\",\"plan\":\"gold\"}", "plan"),
                post("household with trailing content", households,
                        "{\"accountNumber\":\"SI-5\",\"displayName\":\"Jordan\"} ]", 400, MALFORMED, null),
                post("number for a serial number", routers, "{\"serialNumber\":123,\"model\":\"HS-Box 5\","
                        + "\"firmware\":\"5.2.1\",\"channel\":\"SIMULATED\"}", "serialNumber"),
                post("unknown router property", routers, "{" + routerBody.formatted("6")
                        + ",\"password\":\"root\"}", "password"),
                post("control character in a model", routers, "{\"serialNumber\":\"SI-7\",\"model\":\"HS\\u0008Box\","
                        + "\"firmware\":\"5.2.1\",\"channel\":\"SIMULATED\"}", "model"),
                new Attack("number for a firmware", "PATCH", router, null, "{\"firmware\":5.3}", 400, INVALID,
                        "firmware"),
                new Attack("unknown router change", "PATCH", router, null, "{\"firmware\":\"5.3.0\",\"secret\":\"x\"}",
                        400, INVALID, "secret"),
                new Attack("router change without If-Match", "PATCH", router, null, "{\"firmware\":\"5.3.0\"}", 428,
                        PRECONDITION_REQUIRED, "If-Match"),
                new Attack("router change with a stale If-Match", "PATCH", router, "\"0123456789abcdef01234567\"",
                        "{\"firmware\":\"5.3.0\"}", 412, "precondition-failed", null))
                .map(Arguments::of);
    }
}
