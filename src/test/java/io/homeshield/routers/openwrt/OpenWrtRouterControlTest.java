package io.homeshield.routers.openwrt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.RouterBlocklist;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterParameters;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.DomainName;
import io.homeshield.net.MacAddress;

class OpenWrtRouterControlTest {

    private static final MacAddress CAMERA = MacAddress.of("AA:BB:CC:00:00:02");
    private static final MacAddress TABLET = MacAddress.of("AA:BB:CC:00:00:07");
    private static final RpcdLogin LOGIN = new RpcdLogin("homeshield", "per-router-secret-1");

    private UbusPeer router;
    private SteppingClock clock;
    private OpenWrtRouterControl control;

    @BeforeEach
    void start() {
        router = UbusPeer.start();
        router.login(LOGIN);
        clock = new SteppingClock();
        control = TestOpenWrtConfig.standard().control(clock, LOGIN);
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void internetOnlyQuarantineIsExactlyOneRejectRuleFromLanToWanAppliedWithRollbackAndConfirmed() throws Exception {
        control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY);

        List<UbusPeer.Received> adds = router.received("uci", "add");
        assertEquals(1, adds.size());
        assertEquals(new ObjectMapper().readTree("{\"config\":\"firewall\",\"type\":\"rule\","
                + "\"name\":\"quarantine_aabbcc000002\",\"values\":{\"name\":\"Quarantine\",\"src\":\"lan\","
                + "\"dest\":\"wan\",\"src_mac\":[\"aa:bb:cc:00:00:02\"],\"target\":\"REJECT\",\"enabled\":\"1\"}}"),
                adds.get(0).args());
        assertEquals("{\"rollback\":true,\"timeout\":30}", router.received("uci", "apply").get(0).args().toString());
        assertEquals(1, router.received("uci", "confirm").size());
        assertEquals(1, router.received("session", "login").size());
        assertEquals("wan", router.committed("firewall", "quarantine_aabbcc000002").get("dest").asText());
        assertFalse(router.awaitingConfirmation());
    }

    @Test
    void fullQuarantineAlsoBlocksOtherZonesAndTheRouterItself() throws Exception {
        control.quarantine(target(), CAMERA, QuarantineLevel.FULL);

        assertEquals("*", router.committed("firewall", "quarantine_aabbcc000002").get("dest").asText());
        Map<String, ?> toRouter = router.committed("firewall", "quarantine_aabbcc000002_router");
        assertNotNull(toRouter);
        assertEquals("{\"name\":\"Quarantine (router access)\",\"src\":\"lan\",\"src_mac\":[\"aa:bb:cc:00:00:02\"],"
                + "\"target\":\"REJECT\",\"enabled\":\"1\"}", new ObjectMapper().writeValueAsString(toRouter));
    }

    @Test
    void theSessionIsReusedWhileItLives() throws Exception {
        control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY);
        control.release(target(), CAMERA);
        control.quarantine(target(), TABLET, QuarantineLevel.INTERNET_ONLY);

        assertEquals(1, router.received("session", "login").size());
        assertEquals(1, router.received().stream().map(UbusPeer.Received::session)
                .filter(sid -> !UbusPeer.NO_SESSION.equals(sid)).distinct().count());
    }

    @Test
    void aSessionIdleBeyondItsTimeoutIsReplacedBeforeUse() throws Exception {
        control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY);
        clock.advance(Duration.ofSeconds(301));
        control.release(target(), CAMERA);

        assertEquals(2, router.received("session", "login").size());
        assertNull(router.committed("firewall", "quarantine_aabbcc000002"));
    }

    @Test
    void aLoginTheRouterDoesNotKnowIsNotRetried() {
        OpenWrtRouterControl stranger = TestOpenWrtConfig.standard().control(clock,
                new RpcdLogin("homeshield", "another-routers-secret"));

        RouterControlException refused = assertThrows(RouterControlException.class,
                () -> stranger.isQuarantined(target(), CAMERA));

        assertFalse(refused.retryable());
        assertTrue(refused.getMessage().startsWith("The router refused HomeShield's sign-in"), refused.getMessage());
        assertEquals(1, router.received().size());
    }

    @Test
    void aRouterThatDoesNotAnswerIsRetryable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        RouterTarget gone = new RouterTarget(UUID.randomUUID(), "SN1", "OpenWrt One", ManagementChannel.OPENWRT,
                "http://127.0.0.1:" + port + "/ubus");

        RouterControlException offline = assertThrows(RouterControlException.class,
                () -> control.quarantine(gone, CAMERA, QuarantineLevel.FULL));

        assertTrue(offline.retryable());
        assertEquals("The router did not answer; it may be switched off or offline.", offline.getMessage());
    }

    @Test
    void anAnswerWhoseBodyTrailsPastTheDeadlineIsGivenUpOnAsOffline() {
        router.answerSlowly(Duration.ofSeconds(3));
        OpenWrtRouterControl impatient = new TestOpenWrtConfig(Duration.ofMillis(500), Duration.ofSeconds(30))
                .control(clock, LOGIN);

        RouterControlException slow = assertThrows(RouterControlException.class,
                () -> impatient.isQuarantined(target(), CAMERA));

        assertTrue(slow.retryable());
        assertEquals("The router did not answer; it may be switched off or offline.", slow.getMessage());
    }

    @Test
    void releaseDeletesBothRulesAndApplies() throws Exception {
        control.quarantine(target(), CAMERA, QuarantineLevel.FULL);
        router.forgetReceived();

        control.release(target(), CAMERA);

        assertEquals(List.of("quarantine_aabbcc000002", "quarantine_aabbcc000002_router"),
                router.received("uci", "delete").stream().map(call -> call.args().path("section").asText()).toList());
        assertEquals(1, router.received("uci", "confirm").size());
        assertFalse(router.sections("firewall").stream().anyMatch(name -> name.startsWith("quarantine_")));
    }

    @Test
    void domainBlocksRewriteOnlyHomeShieldsEntriesOfTheDnsmasqAddressList() throws Exception {
        router.section("dhcp", "cfg01411c", "dnsmasq", true, Map.of("domain", "lan",
                "address", List.of("/router.lan/192.168.1.1", "/old.example/", "/ads.example/"),
                "homeshield_blocked", List.of("old.example")));

        control.applyDomainBlocks(target(), new RouterBlocklist(List.of(everyone("tiktok.com"))));

        assertEquals("[\"/router.lan/192.168.1.1\",\"/ads.example/\",\"/tiktok.com/\"]",
                router.committed("dhcp", "cfg01411c").get("address").toString());
        assertEquals("[\"tiktok.com\"]", router.committed("dhcp", "cfg01411c").get("homeshield_blocked").toString());
        assertEquals(new RouterBlocklist(List.of(everyone("tiktok.com"))), control.domainBlocks(target()));
    }

    @Test
    void domainBlocksReadBackAreHomeShieldsEntriesStillInTheList() throws Exception {
        router.section("dhcp", "cfg01411c", "dnsmasq", true, Map.of(
                "address", List.of("/router.lan/192.168.1.1", "/tiktok.com/", "/ads.example/"),
                "homeshield_blocked", List.of("tiktok.com", "roblox.com")));

        assertEquals(new RouterBlocklist(List.of(everyone("tiktok.com"))), control.domainBlocks(target()));
    }

    @Test
    void aDomainBlockForSomeDevicesOnlyIsRefusedForGood() {
        RouterBlocklist exempting = new RouterBlocklist(List.of(
                new RouterBlocklist.Rule(DomainName.of("tiktok.com"), Set.of(), Set.of(TABLET))));

        RouterControlException refused = assertThrows(RouterControlException.class,
                () -> control.applyDomainBlocks(target(), exempting));

        assertFalse(refused.retryable());
        assertTrue(refused.getMessage().startsWith("This router can only block a domain for every device"));
        assertEquals(List.of(), router.received());
    }

    @Test
    void aRestartIsSystemRebootInTheSignedInSession() throws Exception {
        control.reboot(target());

        UbusPeer.Received reboot = router.received("system", "reboot").get(0);
        assertEquals("{}", reboot.args().toString());
        assertEquals(router.received("uci", "configs").size(), 0);
        assertTrue(router.received("uci", "apply").isEmpty());
        assertFalse(UbusPeer.NO_SESSION.equals(reboot.session()));
    }

    @Test
    void aRestartTheAccountMayNotMakeIsAPlainNonRetryableReason() {
        router.login("homeshield", LOGIN.password(), new UbusPeer.Acl(Map.of("uci", Set.of("get")), Set.of("firewall"),
                Set.of()));

        RouterControlException refused = assertThrows(RouterControlException.class, () -> control.reboot(target()));

        assertEquals("The router does not let HomeShield's account use system reboot; the provider must grant that "
                + "account access on the router.", refused.getMessage());
        assertFalse(refused.retryable());
    }

    @Test
    void aRouterIsBackWhenSystemBoardAnswersWithItsRelease() throws Exception {
        assertEquals("23.05.3", control.firmwareVersion(target()));
        assertTrue(control.isBack(target()));

        router.restartFor(Duration.ofSeconds(30));
        assertFalse(control.isBack(target()), "a router whose rpcd is restarting is not back yet");
    }

    @Test
    void settingsByDataModelPathAreNotOnOffer() {
        assertFalse(control instanceof RouterParameters, "UCI has no TR-181 paths: the dispatcher refuses such settings"
                + " for OpenWrt routers before any request");
    }

    @Test
    void plainHttpOutsideTheListedManagementNetworksIsRefusedBeforeAnyRequest() {
        RouterTarget elsewhere = new RouterTarget(UUID.randomUUID(), "SN-OWRT-2", "OpenWrt One",
                ManagementChannel.OPENWRT, "http://192.0.2.10/ubus");

        RouterControlException refused = assertThrows(RouterControlException.class,
                () -> control.quarantine(elsewhere, CAMERA, QuarantineLevel.FULL));

        assertFalse(refused.retryable());
        assertTrue(refused.getMessage().contains("must use https"), refused.getMessage());
        assertEquals(List.of(), router.received());
    }

    private RouterTarget target() {
        return new RouterTarget(UUID.randomUUID(), "SN-OWRT-1", "OpenWrt One", ManagementChannel.OPENWRT, router.url());
    }

    private static RouterBlocklist.Rule everyone(String domain) {
        return new RouterBlocklist.Rule(DomainName.of(domain), Set.of(), Set.of());
    }

    /** A clock the test moves forward by hand. */
    static final class SteppingClock extends Clock {
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
