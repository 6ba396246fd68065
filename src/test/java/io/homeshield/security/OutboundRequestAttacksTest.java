package io.homeshield.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.homeshield.fleet.remediation.RemediationJob;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.Router;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.TestHostResolver;
import io.homeshield.webhook.Webhook;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A subscriber, a provisioning system or an analyst tries to make HomeShield send requests into the
 * provider's own network (server-side request forgery): webhooks aimed at internal addresses in
 * every disguise, a name that resolves inward only after registration, router management addresses
 * and firmware images outside where they belong. Every attempt is refused, names the field and why,
 * and leaves nothing stored and nothing sent.
 */
@QuarkusTest
@TestSecurity(user = OutboundRequestAttacksTest.SUBSCRIBER, roles = "subscriber")
class OutboundRequestAttacksTest {

    static final String SUBSCRIBER = "ssrf-mallory";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    TestHousehold home;
    WireMockServer receiver;

    @BeforeEach
    void start() {
        home = Fixtures.newHousehold(SUBSCRIBER);
        receiver = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        receiver.stubFor(post(urlEqualTo("/flipped")).willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    @ParameterizedTest(name = "webhook to {0} is refused")
    @ValueSource(strings = {
        // loopback, plainly
        "http://127.0.0.1/hook", "http://127.0.0.1:8080/hook", "https://127.1.2.3/hook", "http://127.0.0.1./hook",
        "http://localhost/hook", "http://LOCALHOST:9000/hook", "http://app.localhost/hook",
        // private, CGNAT, link-local and cloud metadata
        "http://10.0.0.1/hook", "http://10.255.255.254/", "http://172.16.0.1/", "http://172.31.255.1/",
        "http://192.168.1.1/", "http://100.64.0.1/", "http://100.127.255.254/",
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/", "http://169.254.0.1/",
        "http://metadata.google.internal/computeMetadata/v1/", "http://metadata/", "http://instance-data/latest/",
        "http://[fd00:ec2::254]/latest/meta-data/",
        // this network, multicast, broadcast, reserved, documentation
        "http://0.0.0.0/", "http://0.0.0.0:8080/", "http://[::]/", "http://224.0.0.1/",
        "http://239.255.255.250:1900/", "http://255.255.255.255/", "http://240.0.0.1/", "http://192.0.2.1/",
        "http://[ff02::1]/",
        // IPv6 loopback, link-local, unique-local
        "http://[::1]/", "http://[0:0:0:0:0:0:0:1]/", "http://[fe80::1]/", "http://[fe80::1%25eth0]/",
        "http://[fc00::1]/",
        // IPv4 inside IPv6: mapped, compatible, NAT64, 6to4
        "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[::ffff:169.254.169.254]/",
        "http://[::ffff:10.0.0.1]:8080/", "http://[::127.0.0.1]/", "http://[64:ff9b::7f00:1]/",
        "http://[64:ff9b::a00:1]/", "http://[2002:7f00:1::]/",
        // numeric, octal, hexadecimal and short forms
        "http://2130706433/", "http://0177.0.0.1/", "http://0x7f.1/", "http://0x7f000001/", "http://127.1/",
        "http://017700000001/", "http://10.1/", "http://0xa9.0xfe.0xa9.0xfe/", "http://%31%32%37.0.0.1/",
        // user info that hides the real host
        "http://good@127.0.0.1/", "http://example.com@10.0.0.1/", "http://user:secret@hooks.example.com/",
        "http://127.0.0.1\\@hooks.example.com/",
        // internal names
        "http://router.internal/", "http://printer.local/", "http://intranet/", "https://kubernetes.default.svc/",
        // schemes that are no web request
        "ftp://hooks.example.com/hook", "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO",
        "dict://127.0.0.1:11211/stat", "javascript:alert(1)", "hooks.example.com/hook",
        // plain http is only for the provider's own permitted receivers
        "http://hooks.example.com/hook"
    })
    void aWebhookAimedInwardIsRefusedAndNothingIsStored(String url) {
        given().contentType(ContentType.JSON).body(Map.of("url", url, "eventTypes", List.of("alert.raised")))
                .when().post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("url"))
                .body("violations[0].reason", not(emptyOrNullString()));
        assertEquals(0L, webhooks(), "nothing is stored");
    }

    @Test
    void aNameThatResolvesInwardAfterRegistrationIsNotDeliveredAndTheRefusalIsLogged() {
        String name = "hooks-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
        TestHostResolver.answer(name, "93.184.215.14");
        try {
            String flipped = register("https://" + name + ":" + receiver.httpsPort() + "/flipped");
            String allowed = register(TestHostResolver.receiverUrl(receiver.port(), "/hook"));
            TestHostResolver.answer(name, "93.184.215.14", "127.0.0.1"); // the DNS answer changes

            var camera = Fixtures.device(home, "ipcam", DeviceType.CAMERA);
            given().contentType(ContentType.JSON).body("{}").when()
                    .post("/api/v1/devices/" + camera.id + "/quarantine").then().statusCode(202);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                    .get("/api/v1/webhooks/" + allowed + "/deliveries").then().statusCode(200)
                    .body("state", hasItem("DELIVERED")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when()
                    .get("/api/v1/webhooks/" + flipped + "/deliveries").then().statusCode(200)
                    .body("log.flatten().error", hasItem(containsString(name + " resolves to 127.0.0.1")))
                    .body("state", everyItem(not(equalTo("DELIVERED")))));
            assertTrue(receiver.findAll(postRequestedFor(urlEqualTo("/flipped"))).isEmpty(),
                    "nothing reached the receiver through the name that now resolves inward");
            assertTrue(receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
                    .allMatch(request -> request.getHeader("Host").equals(TestHostResolver.RECEIVER + ":"
                            + receiver.port())), "the permitted receiver is called by its name");
        } finally {
            TestHostResolver.forget(name);
        }
    }

    @Test
    void aReceiverThatTheProviderPermitsIsAcceptedAsIsAPublicOne() {
        register(TestHostResolver.receiverUrl(receiver.port(), "/hook"));
        register("https://hooks.example.com/homeshield?tenant=42");
        assertEquals(2L, webhooks());
    }

    @ParameterizedTest(name = "OpenWrt management address {0} is refused")
    @TestSecurity(user = "ssrf-crm", roles = "provisioning")
    @ValueSource(strings = { "https://169.254.169.254/ubus", "https://10.0.0.1/ubus", "https://127.0.0.1/ubus",
        "https://[::1]/ubus", "https://metadata.google.internal/ubus", "https://0x7f.1/ubus",
        "https://admin@192.0.2.8/ubus", "http://192.0.2.7/ubus", "https://198.51.100.7/ubus" })
    void aManagementAddressOutsideTheManagementNetworksIsRefused(String address) {
        String household = given().contentType(ContentType.JSON).body("""
                {"accountNumber":"T-%s","displayName":"SSRF"}""".formatted(UUID.randomUUID().toString()
                .substring(0, 13))).when().post("/api/provisioning/v1/households").then().statusCode(201)
                .extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("serialNumber", "SN-" + UUID.randomUUID(), "model",
                "OpenWrt One", "firmware", "24.10.0", "channel", "OPENWRT", "managementAddress", address))
                .when().post("/api/provisioning/v1/households/" + household + "/routers").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("managementAddress"));
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> Router.count("householdId",
                UUID.fromString(household))), "no router is registered");
    }

    @ParameterizedTest(name = "firmware image {0} is refused")
    @TestSecurity(user = "ssrf-ana", roles = "analyst")
    @ValueSource(strings = { "http://firmware.example.net/hs-box/1.5.0.bin",
        "https://10.0.0.5/hs-box/1.5.0.bin", "https://169.254.169.254/hs-box.bin", "ftp://firmware.example.net/1.bin" })
    void aFirmwareImageNotOnAPublicHttpsHostIsRefused(String url) {
        String version = "9." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1000);
        String page = startFirmwareJob(url, version, SHA256).then().statusCode(400).extract().asString();
        assertInvalid(page, "imageUrl", "https URL on a public host, not an address inside");
        assertEquals(0L, jobsInstalling(version), "no job is started");
    }

    @Test
    @TestSecurity(user = "ssrf-ana", roles = "analyst")
    void aFirmwareImageWithoutItsChecksumIsRefused() {
        String version = "8." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1000);
        for (String checksum : new String[] { "", "abc123", SHA256.replace('9', 'g') }) {
            String page = startFirmwareJob("https://firmware.example.net/hs-box/" + version + ".bin", version,
                    checksum).then().statusCode(400).extract().asString();
            assertInvalid(page, "imageSha256", "routers check it before they install");
        }
        assertEquals(0L, jobsInstalling(version));
    }

    private static void assertInvalid(String page, String field, String message) {
        assertTrue(Pattern.compile("id=\"" + field + "\"[^>]*aria-invalid=\"true\"").matcher(page).find(),
                field + " is marked as the field to correct");
        assertTrue(page.contains(message), "the page says why");
    }

    private Response startFirmwareJob(String url, String version, String sha256) {
        return form("/admin/fleet/remediation/new").formParam("kind", "FIRMWARE").formParam("campaign", "")
                .formParam("model", "HS-Box SSRF").formParam("firmware", "").formParam("canary", "1")
                .formParam("waveSize", "10").formParam("waveSeconds", "0").formParam("maxFailurePercent", "10")
                .formParam("imageUrl", url).formParam("imageVersion", version).formParam("imageSha256", sha256)
                .formParam("reason", "Ticket SEC-16 firmware rollout").post("/admin/fleet/remediation");
    }

    private static RequestSpecification form(String page) {
        Response response = given().redirects().follow(false).get(page).then().statusCode(200).extract().response();
        Matcher token = CSRF.matcher(response.asString());
        assertTrue(token.find(), "the page renders a form token");
        return given().redirects().follow(false).cookie("hs_csrf", response.getCookie("hs_csrf"))
                .formParam("_csrf", token.group(1));
    }

    private static long jobsInstalling(String version) {
        return QuarkusTransaction.requiringNew().call(() -> RemediationJob.count("title like ?1",
                "%" + version + "%"));
    }

    private String register(String url) {
        return given().contentType(ContentType.JSON).body(Map.of("url", url, "eventTypes",
                List.of("action.state-changed"))).when().post("/api/v1/webhooks").then().statusCode(201)
                .extract().path("id");
    }

    private long webhooks() {
        return QuarkusTransaction.requiringNew().call(() -> Webhook.count("householdId", home.id().value()));
    }
}
