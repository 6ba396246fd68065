package io.homeshield.routers.openwrt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.RouterBlocklist;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.DomainName;
import io.homeshield.net.MacAddress;

/**
 * What the real rpcd answered (OW-1 to OW-13 of the peers' observations), one test each, played by
 * {@link UbusPeer}: each shows the adapter handles the behaviour as a real router shows it.
 */
class OpenWrtPeerObservationsTest {

    private static final MacAddress CAMERA = MacAddress.of("AA:BB:CC:00:00:02");
    private static final MacAddress TABLET = MacAddress.of("AA:BB:CC:00:00:07");
    private static final RpcdLogin LOGIN = new RpcdLogin("homeshield", "router-7-own-secret");
    private static final String CAMERA_RULE = "quarantine_aabbcc000002";
    private static final String TABLET_RULE = "quarantine_aabbcc000007";

    private UbusPeer router;
    private OpenWrtRouterControl control;

    @BeforeEach
    void start() {
        router = UbusPeer.start();
        router.login(LOGIN);
        control = TestOpenWrtConfig.standard().control(Clock.systemUTC(), LOGIN);
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @Test
    void ow1_signInWithTheRoutersOwnLoginAndAWrongPasswordIsAPlainNonRetryableReason() throws Exception {
        control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY);
        UbusPeer.Received login = router.received("session", "login").get(0);
        assertEquals(LOGIN.username(), login.args().path("username").asText());
        assertEquals(LOGIN.password(), login.args().path("password").asText());

        OpenWrtRouterControl wrong = TestOpenWrtConfig.standard().control(Clock.systemUTC(),
                new RpcdLogin("homeshield", "not-this-routers-password"));
        RouterControlException refused = assertThrows(RouterControlException.class,
                () -> wrong.release(target(), CAMERA));

        assertFalse(refused.retryable());
        assertEquals("The router refused HomeShield's sign-in; the provider must install this router's own login "
                + "(issued at registration) on the router.", refused.getMessage());
        assertNotNull(router.committed("firewall", CAMERA_RULE), "nothing changed");
    }

    @Test
    void ow2_aReadInAnExpiredSessionSignsInAgainOnceAndIsRepeated() throws Exception {
        control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY);
        router.expireSessions();

        assertTrue(control.isQuarantined(target(), CAMERA));

        assertEquals(2, router.received("session", "login").size());
        assertEquals(2, router.received("uci", "get").size(), "the refused read and its repetition");
    }

    @Test
    void ow3_whileRpcdRestartsEveryCallAnswersObjectNotFoundAndTheChangeIsRetriedLaterNotRefused() throws Exception {
        router.beforeNext("session", "login", () -> router.restartFor(Duration.ofMillis(800)));

        RouterControlException restarting = assertThrows(RouterControlException.class,
                () -> control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY));

        assertTrue(restarting.retryable());
        assertEquals("The router's management service (rpcd) is restarting; HomeShield will try again.",
                restarting.getMessage());
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(RouterControlException.class).untilAsserted(
                () -> control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY));
        assertNotNull(router.committed("firewall", CAMERA_RULE));
    }

    @Test
    void ow4_aSessionLostBetweenStagingAndApplyHasTheWholeChangeStagedAgainInTheNewSession() throws Exception {
        router.beforeNext("uci", "apply", router::expireSessions);

        control.quarantine(target(), CAMERA, QuarantineLevel.FULL);

        assertNotNull(router.committed("firewall", CAMERA_RULE));
        assertNotNull(router.committed("firewall", CAMERA_RULE + "_router"));
        assertEquals(2, router.received("session", "login").size());
        List<UbusPeer.Received> adds = router.received("uci", "add");
        assertEquals(4, adds.size(), "both rules staged in the lost session, and both again in the new one");
        String newSession = adds.get(3).session();
        assertEquals(newSession, adds.get(2).session());
        assertEquals(newSession, router.received("uci", "confirm").get(0).session());
    }

    @Test
    void ow4_applyFindingNothingAfterARestartMeansTheChangeIsGoneSoItIsStagedAgain() throws Exception {
        // rpcd restarted between staging and apply and came back at once: the new apply finds nothing staged
        router.beforeNext("uci", "apply", () -> router.restartFor(Duration.ZERO));

        control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY);

        assertNotNull(router.committed("firewall", CAMERA_RULE), "the change reached the router's configuration");
        assertEquals(2, router.received("uci", "add").size());
    }

    @Test
    void ow5_theBlocklistGoesFromTwoDomainsToNoneByDeletingTheListsNotSettingThemEmpty() throws Exception {
        router.section("dhcp", "cfg01411c", "dnsmasq", true, Map.of("domain", "lan", "local", "/lan/"));

        control.applyDomainBlocks(target(),
                new RouterBlocklist(List.of(everyone("tiktok.com"), everyone("roblox.com"))));
        Set<String> blocked = new java.util.HashSet<>();
        router.committed("dhcp", "cfg01411c").get("address").forEach(entry -> blocked.add(entry.asText()));
        assertEquals(Set.of("/tiktok.com/", "/roblox.com/"), blocked);

        control.applyDomainBlocks(target(), new RouterBlocklist(List.of()));

        Map<String, ?> dnsmasq = router.committed("dhcp", "cfg01411c");
        assertFalse(dnsmasq.containsKey("address"));
        assertFalse(dnsmasq.containsKey("homeshield_blocked"));
        assertEquals("lan", String.valueOf(dnsmasq.get("domain")).replace("\"", ""));
        assertEquals(new RouterBlocklist(List.of()), control.domainBlocks(target()));
        assertTrue(router.received("uci", "set").stream().noneMatch(set -> set.args().path("values")
                .path("address").isArray() && set.args().path("values").path("address").isEmpty()));
    }

    @Test
    void ow5_theRoutersOwnAddressEntriesStayWhenHomeShieldsLastDomainGoes() throws Exception {
        control.applyDomainBlocks(target(), new RouterBlocklist(List.of(everyone("tiktok.com"))));

        control.applyDomainBlocks(target(), new RouterBlocklist(List.of()));

        Map<String, ?> dnsmasq = router.committed("dhcp", "cfg01411c");
        assertEquals("[\"/router.lan/192.168.1.1\"]", dnsmasq.get("address").toString());
        assertFalse(dnsmasq.containsKey("homeshield_blocked"));
    }

    @Test
    void ow6_aMissingSectionAnsweredWithStatusZeroAndNoValuesIsAbsent() throws Exception {
        assertFalse(control.isQuarantined(target(), TABLET));

        UbusPeer.Received get = router.received("uci", "get").get(0);
        assertEquals(TABLET_RULE, get.args().path("section").asText());
    }

    @Test
    void ow7_releasingADeviceWhoseRulesDoNotExistChangesNothingAndSucceeds() throws Exception {
        control.release(target(), TABLET);

        assertEquals(2, router.received("uci", "delete").size(), "both rules asked for, both answered not found");
        assertTrue(router.received("uci", "confirm").isEmpty());
        assertFalse(router.awaitingConfirmation());
    }

    @Test
    void ow8_applyWithNothingStagedInTheSameSessionIsNothingToDo() throws Exception {
        control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY);
        control.release(target(), TABLET);

        assertEquals(1, router.received("session", "login").size(), "no new session: nothing was lost");
        assertEquals(2, router.received("uci", "apply").size());
        assertEquals(1, router.received("uci", "confirm").size());
        assertNotNull(router.committed("firewall", CAMERA_RULE));
    }

    @Test
    void ow9_aChangeRefusedWhileSomeoneElsesApplyAwaitsConfirmationIsNotCommittedWithTheNextChange() throws Exception {
        router.someoneElseAppliesWithRollback("firewall", "cfg01e63d", Map.of("forward", "ACCEPT"),
                Duration.ofSeconds(60));

        RouterControlException busy = assertThrows(RouterControlException.class,
                () -> control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY));
        assertTrue(busy.retryable());
        assertTrue(busy.getMessage().startsWith("Someone else is changing the router's settings right now"));
        assertTrue(busy.getMessage().contains("will make the change again later in a new session"), busy.getMessage());
        String refusedIn = router.received("uci", "revert").get(0).session();

        router.rollbackTimeoutPasses();
        control.quarantine(target(), TABLET, QuarantineLevel.INTERNET_ONLY);

        assertNull(router.committed("firewall", CAMERA_RULE), "the refused change was not committed with this one");
        assertNotNull(router.committed("firewall", TABLET_RULE));
        assertFalse(refusedIn.equals(router.received("uci", "apply").get(1).session()));
        assertEquals(1, router.stagedIn(refusedIn), "left behind in a session HomeShield no longer uses");
    }

    @Test
    void ow10_aChangeRolledBackBeforeItsConfirmationIsNotCommittedWithTheNextChange() throws Exception {
        OpenWrtRouterControl shortRollback = new TestOpenWrtConfig(Duration.ofSeconds(5), Duration.ofSeconds(1))
                .control(Clock.systemUTC(), LOGIN);
        router.beforeNext("uci", "confirm", () -> pause(Duration.ofMillis(1300)));

        RouterControlException late = assertThrows(RouterControlException.class,
                () -> shortRollback.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY));
        assertTrue(late.retryable());
        assertEquals("The router rolled the change back before HomeShield could confirm it; HomeShield will try again.",
                late.getMessage());
        String session = router.received("uci", "confirm").get(0).session();
        assertEquals(0, router.stagedIn(session), "the delta rpcd put back was withdrawn");

        shortRollback.quarantine(target(), TABLET, QuarantineLevel.INTERNET_ONLY);

        assertNull(router.committed("firewall", CAMERA_RULE));
        assertNotNull(router.committed("firewall", TABLET_RULE));
    }

    @Test
    void ow11_aChangeIsConfirmedAndThenReadBackFromTheCommittedConfiguration() throws Exception {
        control.quarantine(target(), CAMERA, QuarantineLevel.INTERNET_ONLY);

        assertFalse(router.awaitingConfirmation(), "confirmed at once, not left to the rollback window");
        assertNotNull(router.committed("firewall", CAMERA_RULE));
        router.expireSessions();
        assertTrue(control.isQuarantined(target(), CAMERA), "read back in a fresh session: committed, not staged");
    }

    @Test
    void ow12_aRouterWithoutProcdLacksTheSystemObjectForGoodUnlikeARestartingOne() {
        router.withoutProcd();

        RouterControlException missing = assertThrows(RouterControlException.class,
                () -> control.firmwareVersion(target()));
        assertFalse(missing.retryable());
        assertEquals("The router lacks the system service HomeShield needs (procd provides it on OpenWrt).",
                missing.getMessage());
        assertFalse(control.isBack(target()));

        router.restartFor(Duration.ofSeconds(30));
        RouterControlException restarting = assertThrows(RouterControlException.class,
                () -> control.reboot(target()));
        assertTrue(restarting.retryable());
    }

    @Test
    void ow13_aLoginWithoutWriteAccessIsRefusedWithStatusSixAndNothingIsLeftStaged() throws Exception {
        router.section("firewall", CAMERA_RULE, "rule", false, Map.of("name", "Quarantine", "src", "lan",
                "dest", "wan", "src_mac", List.of("aa:bb:cc:00:00:02"), "target", "REJECT", "enabled", "1"));
        router.login("homeshield", LOGIN.password(), UbusPeer.Acl.readOnly());

        RouterControlException denied = assertThrows(RouterControlException.class,
                () -> control.release(target(), CAMERA));

        assertFalse(denied.retryable());
        assertEquals("The router does not let HomeShield's account change its firewall settings; the provider must "
                + "grant that account access on the router.", denied.getMessage());
        assertTrue(router.received("uci", "apply").isEmpty());
        assertNotNull(router.committed("firewall", CAMERA_RULE), "nothing changed");
    }

    private RouterTarget target() {
        return new RouterTarget(UUID.nameUUIDFromBytes(router.url().getBytes()), "SN-OWRT-7", "OpenWrt One",
                ManagementChannel.OPENWRT, router.url());
    }

    private static RouterBlocklist.Rule everyone(String domain) {
        return new RouterBlocklist.Rule(DomainName.of(domain), Set.of(), Set.of());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
