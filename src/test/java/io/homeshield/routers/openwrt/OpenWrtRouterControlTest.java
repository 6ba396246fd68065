package io.homeshield.routers.openwrt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.homeshield.routers.openwrt.UbusPeer.called;
import static io.homeshield.routers.openwrt.UbusPeer.calledWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.homeshield.enforcement.DomainBlocklist;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.DomainName;
import io.homeshield.net.MacAddress;

class OpenWrtRouterControlTest {

    private static final MacAddress CAMERA = MacAddress.of("AA:BB:CC:00:00:02");
    private static final MacAddress TABLET = MacAddress.of("AA:BB:CC:00:00:07");
    private static final String SID = "c1ed6c7b025d0caca723a816fa61b668";

    private WireMockServer server;
    private UbusPeer router;
    private SteppingClock clock;
    private OpenWrtRouterControl control;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        router = new UbusPeer(server);
        clock = new SteppingClock();
        control = new OpenWrtRouterControl(config(Duration.ofSeconds(5)), new ObjectMapper(), clock);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void internetOnlyQuarantineIsExactlyOneRejectRuleFromLanToWanAppliedWithRollbackAndConfirmed() throws Exception {
        router.healthy(SID);

        control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY);

        server.verify(1, called("add", "{\"config\":\"firewall\",\"type\":\"rule\",\"name\":\"quarantine_aabbcc000002\","
                + "\"values\":{\"name\":\"Quarantine\",\"src\":\"lan\",\"dest\":\"wan\",\"src_mac\":[\"aa:bb:cc:00:00:02\"],"
                + "\"target\":\"REJECT\",\"enabled\":\"1\"}}"));
        server.verify(1, called("apply", "{\"rollback\":true,\"timeout\":30}"));
        server.verify(1, called("confirm", "{}"));
        server.verify(1, calledWith("00000000000000000000000000000000", "session", "login"));
        server.verify(5, postRequestedFor(urlEqualTo("/ubus")).withRequestBody(matchingJsonPath("$.params[0]",
                equalTo(SID))));
    }

    @Test
    void fullQuarantineAlsoBlocksOtherZonesAndTheRouterItself() throws Exception {
        router.healthy(SID);

        control.quarantine(target(), CAMERA, QuarantineLevel.FULL);

        server.verify(1, called("add", "{\"config\":\"firewall\",\"type\":\"rule\",\"name\":\"quarantine_aabbcc000002\","
                + "\"values\":{\"name\":\"Quarantine\",\"src\":\"lan\",\"dest\":\"*\",\"src_mac\":[\"aa:bb:cc:00:00:02\"],"
                + "\"target\":\"REJECT\",\"enabled\":\"1\"}}"));
        server.verify(1, called("add", "{\"config\":\"firewall\",\"type\":\"rule\","
                + "\"name\":\"quarantine_aabbcc000002_router\",\"values\":{\"name\":\"Quarantine (router access)\","
                + "\"src\":\"lan\",\"src_mac\":[\"aa:bb:cc:00:00:02\"],\"target\":\"REJECT\",\"enabled\":\"1\"}}"));
    }

    @Test
    void theSessionIsReusedAndAnExpiredOneIsRenewedOnceWithTheCallRepeated() throws Exception {
        router.healthy(SID);
        control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY);
        control.release(target(), CAMERA);
        server.verify(1, calledWith("00000000000000000000000000000000", "session", "login"));

        server.resetRequests();
        router.expire(SID);
        router.healthy("2b7f0c94e5a1d3f68c0e4a9b1d2c3e4f");
        control.quarantine(target(), TABLET, QuarantineLevel.INTERNET_ONLY);

        server.verify(1, calledWith("00000000000000000000000000000000", "session", "login"));
        server.verify(1, calledWith(SID, "uci", "delete"));
        server.verify(1, calledWith("2b7f0c94e5a1d3f68c0e4a9b1d2c3e4f", "uci", "add"));
        server.verify(1, calledWith("2b7f0c94e5a1d3f68c0e4a9b1d2c3e4f", "uci", "confirm"));
    }

    @Test
    void aSessionIdleBeyondItsTimeoutIsReplacedBeforeUse() throws Exception {
        router.healthy(SID);
        control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY);
        clock.advance(Duration.ofSeconds(301));
        control.release(target(), CAMERA);
        server.verify(2, calledWith("00000000000000000000000000000000", "session", "login"));
    }

    @Test
    void anAccountTheRouterStillRefusesAfterSigningInAgainFailsForGood() {
        router.healthy(SID);
        router.expire(SID);
        RouterControlException refused = assertThrows(RouterControlException.class,
                () -> control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY));
        assertFalse(refused.retryable());
        assertEquals("The router does not let HomeShield's account use uci delete; the provider must grant that "
                + "account access on the router.", refused.getMessage());
        server.verify(2, calledWith("00000000000000000000000000000000", "session", "login"));
    }

    @Test
    void anAclDenialIsAPlainNonRetryableReason() {
        router.healthy(SID);
        router.uci(SID, "add", "[6]");
        RouterControlException denied = assertThrows(RouterControlException.class,
                () -> control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY));
        assertFalse(denied.retryable());
        assertEquals("The router does not let HomeShield's account change its firewall settings; the provider must "
                + "grant that account access on the router.", denied.getMessage());
        server.verify(0, called("apply", "{\"rollback\":true,\"timeout\":30}"));
    }

    @Test
    void wrongCredentialsAreNotRetried() {
        router.refuseLogin();
        RouterControlException refused = assertThrows(RouterControlException.class,
                () -> control.isQuarantined(target(), CAMERA));
        assertFalse(refused.retryable());
        assertTrue(refused.getMessage().startsWith("The router refused HomeShield's sign-in"));
    }

    @Test
    void otherUbusStatusCodesAreMappedToRetryableOrNot() {
        router.healthy(SID);
        router.uci(SID, "add", "[7]");
        RouterControlException timeout = assertThrows(RouterControlException.class,
                () -> control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY));
        assertTrue(timeout.retryable());
        assertTrue(timeout.getMessage().contains("(timeout)"), timeout.getMessage());

        router.uci(SID, "add", "[2]");
        RouterControlException invalid = assertThrows(RouterControlException.class,
                () -> control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY));
        assertFalse(invalid.retryable());
        assertTrue(invalid.getMessage().contains("(invalid argument)"), invalid.getMessage());

        server.verify(2, called("revert", "{\"config\":\"firewall\"}"));
        server.verify(0, called("apply", "{\"rollback\":true,\"timeout\":30}"));
    }

    @Test
    void aChangeAwaitingSomeoneElsesConfirmationIsRetriedLater() {
        router.healthy(SID);
        router.uci(SID, "apply", "[6]");
        RouterControlException busy = assertThrows(RouterControlException.class,
                () -> control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY));
        assertTrue(busy.retryable());
        assertTrue(busy.getMessage().startsWith("Someone else is changing the router's settings"));
    }

    @Test
    void aChangeTheRouterRolledBackIsRetried() {
        router.healthy(SID);
        router.uci(SID, "confirm", "[5]");
        RouterControlException rolledBack = assertThrows(RouterControlException.class,
                () -> control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY));
        assertTrue(rolledBack.retryable());
        assertTrue(rolledBack.getMessage().contains("rolled the change back"));
    }

    @Test
    void aRouterThatDoesNotAnswerIsRetryable() {
        int port = server.port();
        server.stop();
        RouterControlException offline = assertThrows(RouterControlException.class,
                () -> control.quarantine(new RouterTarget(UUID.randomUUID(), "SN1", "OpenWrt One", ManagementChannel.OPENWRT,
                        "http://127.0.0.1:" + port + "/ubus"), CAMERA, QuarantineLevel.FULL));
        assertTrue(offline.retryable());
        assertEquals("The router did not answer; it may be switched off or offline.", offline.getMessage());
        server.start();
    }

    @Test
    void aRouterThatAnswersTooSlowlyIsRetryable() {
        router.healthy(SID);
        server.stubFor(post(urlEqualTo("/ubus")).atPriority(1).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        OpenWrtRouterControl impatient = new OpenWrtRouterControl(config(Duration.ofMillis(500)), new ObjectMapper(), clock);
        RouterControlException slow = assertThrows(RouterControlException.class,
                () -> impatient.quarantine(target(), CAMERA, QuarantineLevel.FULL));
        assertTrue(slow.retryable());
        assertTrue(slow.getMessage().startsWith("The router did not answer"));
    }

    @Test
    void releaseDeletesBothRulesAndApplies() throws Exception {
        router.healthy(SID);
        control.release(target(), CAMERA);
        server.verify(1, called("delete", "{\"config\":\"firewall\",\"section\":\"quarantine_aabbcc000002\"}"));
        server.verify(1, called("delete", "{\"config\":\"firewall\",\"section\":\"quarantine_aabbcc000002_router\"}"));
        server.verify(1, called("confirm", "{}"));
    }

    @Test
    void releasingADeviceTheRouterNeverBlockedChangesNothing() throws Exception {
        router.healthy(SID);
        router.uci(SID, "delete", "[4]");
        router.uci(SID, "apply", "[5]");
        control.release(target(), CAMERA);
        server.verify(0, called("confirm", "{}"));
    }

    @Test
    void verificationReadsTheRuleBack() throws Exception {
        router.healthy(SID);
        router.uciGet(SID, "quarantine_aabbcc000002", "[0,{\"values\":{\".anonymous\":false,\".type\":\"rule\","
                + "\".name\":\"quarantine_aabbcc000002\",\"name\":\"Quarantine\",\"src\":\"lan\",\"dest\":\"wan\","
                + "\"src_mac\":[\"aa:bb:cc:00:00:02\"],\"target\":\"REJECT\",\"enabled\":\"1\"}}]");
        router.uciGet(SID, "quarantine_aabbcc000007", "[4]");

        assertTrue(control.isQuarantined(target(), CAMERA));
        assertFalse(control.isQuarantined(target(), TABLET));
    }

    @Test
    void domainBlocksRewriteOnlyHomeShieldsEntriesOfTheDnsmasqAddressList() throws Exception {
        router.healthy(SID);
        router.uci(SID, "get", "[0,{\"values\":{\"cfg01411c\":{\".anonymous\":true,\".type\":\"dnsmasq\","
                + "\".name\":\"cfg01411c\",\".index\":0,\"domainneeded\":\"1\",\"local\":\"/lan/\",\"domain\":\"lan\","
                + "\"address\":[\"/router.lan/192.168.1.1\",\"/old.example/\",\"/ads.example/\"],"
                + "\"homeshield_blocked\":[\"old.example\"]}}}]");

        control.applyDomainBlocks(target(), new DomainBlocklist(List.of(everyone("tiktok.com"))));

        server.verify(1, called("set", "{\"config\":\"dhcp\",\"section\":\"cfg01411c\",\"values\":{"
                + "\"address\":[\"/router.lan/192.168.1.1\",\"/ads.example/\",\"/tiktok.com/\"],"
                + "\"homeshield_blocked\":[\"tiktok.com\"]}}"));
        server.verify(1, called("get", "{\"config\":\"dhcp\",\"type\":\"dnsmasq\"}"));
        server.verify(1, called("confirm", "{}"));
    }

    @Test
    void domainBlocksReadBackAreHomeShieldsEntriesStillInTheList() throws Exception {
        router.healthy(SID);
        router.uci(SID, "get", "[0,{\"values\":{\"cfg01411c\":{\".type\":\"dnsmasq\","
                + "\"address\":[\"/router.lan/192.168.1.1\",\"/tiktok.com/\",\"/ads.example/\"],"
                + "\"homeshield_blocked\":[\"tiktok.com\",\"roblox.com\"]}}}]");

        assertEquals(new DomainBlocklist(List.of(everyone("tiktok.com"))), control.domainBlocks(target()));
    }

    @Test
    void aDomainBlockForSomeDevicesOnlyIsRefusedForGood() {
        router.healthy(SID);
        DomainBlocklist exempting = new DomainBlocklist(List.of(
                new DomainBlocklist.Rule(DomainName.of("tiktok.com"), Set.of(), Set.of(TABLET))));
        RouterControlException refused = assertThrows(RouterControlException.class,
                () -> control.applyDomainBlocks(target(), exempting));
        assertFalse(refused.retryable());
        assertTrue(refused.getMessage().startsWith("This router can only block a domain for every device"));
        server.verify(0, postRequestedFor(urlEqualTo("/ubus")));
    }

    @Test
    void aRestartIsSystemRebootInTheSignedInSession() throws Exception {
        router.healthy(SID);
        router.system(SID, "reboot", "[0]");

        control.reboot(target());

        server.verify(1, postRequestedFor(urlEqualTo("/ubus")).withRequestBody(equalToJson(
                "{\"jsonrpc\":\"2.0\",\"id\":\"${json-unit.any-number}\",\"method\":\"call\","
                        + "\"params\":[\"" + SID + "\",\"system\",\"reboot\",{}]}")));
        server.verify(0, calledWith(SID, "uci", "apply"));
    }

    @Test
    void aRestartTheAccountMayNotMakeIsAPlainNonRetryableReason() {
        router.healthy(SID);
        router.system(SID, "reboot", "[6]");

        RouterControlException refused = assertThrows(RouterControlException.class, () -> control.reboot(target()));

        assertEquals("The router does not let HomeShield's account restart the router; the provider must grant that "
                + "account access on the router.", refused.getMessage());
        assertFalse(refused.retryable());
    }

    @Test
    void aRestartedRouterIsBackWhenSystemBoardAnswersWithItsRelease() throws Exception {
        router.healthy(SID);
        assertFalse(control.isBack(target()), "a router whose system board does not answer is not back");

        router.system(SID, "board", "[0,{\"kernel\":\"5.15.150\",\"hostname\":\"OpenWrt\","
                + "\"model\":\"OpenWrt One\",\"release\":{\"distribution\":\"OpenWrt\",\"version\":\"23.05.3\","
                + "\"revision\":\"r23809-234f1a2efa\",\"target\":\"mediatek/filogic\"}}]");

        assertEquals("23.05.3", control.firmwareVersion(target()));
        assertTrue(control.isBack(target()));
    }

    @Test
    void settingsByDataModelPathAreRefusedWithoutTouchingTheRouter() {
        router.healthy(SID);

        RouterControlException refused = assertThrows(RouterControlException.class, () -> control.setParameters(
                target(), java.util.Map.of("Device.DNS.Client.Server.1.DNSServer", "10.255.0.53")));

        assertFalse(refused.retryable());
        server.verify(0, postRequestedFor(urlEqualTo("/ubus")));
    }

    private RouterTarget target() {
        return new RouterTarget(UUID.randomUUID(), "SN-OWRT-1", "OpenWrt One", ManagementChannel.OPENWRT, router.url());
    }

    private static DomainBlocklist.Rule everyone(String domain) {
        return new DomainBlocklist.Rule(DomainName.of(domain), Set.of(), Set.of());
    }

    private static OpenWrtConfig config(Duration requestTimeout) {
        return new OpenWrtConfig() {
            @Override
            public String username() {
                return UbusPeer.USER;
            }

            @Override
            public Optional<String> password() {
                return Optional.of(UbusPeer.PASSWORD);
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration requestTimeout() {
                return requestTimeout;
            }

            @Override
            public Duration rollbackTimeout() {
                return Duration.ofSeconds(30);
            }
        };
    }

    /** A clock the test moves forward by hand. */
    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2025-01-15T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
