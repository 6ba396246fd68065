package io.homeshield.routers.openwrt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.BlockedDomain;
import io.homeshield.enforcement.BlockedDomainService;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.net.DomainName;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.RouterPeers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Changes requested in HomeShield reach an OpenWrt router over ubus, with the router's own login, and are read back.
 */
@QuarkusTest
@TestProfile(RouterPeers.Profile.class)
class OpenWrtDispatchTest {

    private static final Duration SOON = Duration.ofSeconds(20);

    @Inject
    QuarantineService quarantines;

    @Inject
    BlockedDomainService blocks;

    @Inject
    OpenWrtLogins logins;

    private UbusPeer peer;

    @BeforeEach
    void startRouter() {
        peer = UbusPeer.start();
    }

    @AfterEach
    void stopRouter() {
        peer.close();
    }

    @Test
    void aQuarantineGoesFromRequestedToVerifiedOnTheRouter() {
        TestHousehold home = openWrtHousehold("owrt-owner");
        Device camera = Fixtures.device(home, "IPCAM-77", DeviceType.CAMERA);

        EnforcementAction action = quarantines.quarantine(home.id(), camera.id, QuarantineLevel.INTERNET_ONLY, null,
                Actor.subscriber("owrt-owner"), null, null);
        assertEquals(ActionState.REQUESTED, action.state);

        await().atMost(SOON).until(() -> reload(action.id).state == ActionState.VERIFIED);
        assertNotNull(peer.committed("firewall", rule(camera)));
        assertEquals(1, peer.received("uci", "add").size());
        assertEquals(1, peer.received("uci", "confirm").size());
    }

    @Test
    void aSessionLostBetweenStagingAndApplyEndsVerifiedAfterTheChangeIsStagedAgain() {
        TestHousehold home = openWrtHousehold("owrt-lost-session");
        Device camera = Fixtures.device(home, "IPCAM-78", DeviceType.CAMERA);
        peer.beforeNext("uci", "apply", peer::expireSessions);

        EnforcementAction action = quarantines.quarantine(home.id(), camera.id, QuarantineLevel.INTERNET_ONLY, null,
                Actor.subscriber("owrt-lost-session"), null, null);

        await().atMost(SOON).until(() -> reload(action.id).state == ActionState.VERIFIED);
        assertNotNull(peer.committed("firewall", rule(camera)));
        List<UbusPeer.Received> adds = peer.received("uci", "add");
        assertEquals(2, adds.size(), "staged in the lost session, then again in the new one");
        assertFalse(adds.get(0).session().equals(adds.get(1).session()));
    }

    @Test
    void theBlocklistGoesFromTwoDomainsToNone() {
        TestHousehold home = openWrtHousehold("owrt-blocks");
        Actor owner = Actor.subscriber("owrt-blocks");
        BlockedDomain tiktok = blocks.block(home.id(), DomainName.of("tiktok.com"), null, owner, null);
        BlockedDomain roblox = blocks.block(home.id(), DomainName.of("roblox.com"), null, owner, null);
        awaitSyncsVerified(home.routerId());
        assertEquals(Set.of("/router.lan/192.168.1.1", "/tiktok.com/", "/roblox.com/"), entries(peer, "address"));
        assertEquals(Set.of("tiktok.com", "roblox.com"), entries(peer, "homeshield_blocked"));

        blocks.unblock(home.id(), tiktok.id, owner, null);
        blocks.unblock(home.id(), roblox.id, owner, null);
        awaitSyncsVerified(home.routerId());

        Map<String, ?> dnsmasq = peer.committed("dhcp", "cfg01411c");
        assertEquals("[\"/router.lan/192.168.1.1\"]", dnsmasq.get("address").toString());
        assertFalse(dnsmasq.containsKey("homeshield_blocked"), "the list is deleted, not set empty");
    }

    @Test
    void aRestartingRouterIsRetriedUntilTheChangeIsVerified() {
        TestHousehold home = openWrtHousehold("owrt-restarting");
        Device tv = Fixtures.device(home, "LG-TV", DeviceType.TV);
        peer.beforeNext("session", "login", () -> peer.restartFor(Duration.ofMillis(1500)));

        EnforcementAction action = quarantines.quarantine(home.id(), tv.id, QuarantineLevel.FULL, null,
                Actor.subscriber("owrt-restarting"), null, null);

        await().atMost(SOON).until(() -> reload(action.id).state == ActionState.VERIFIED);
        assertTrue(peer.received("session", "login").size() >= 2, "the sign-in during the restart was retried");
    }

    @Test
    void aChangeRefusedWhileSomeoneElsesApplyAwaitsConfirmationSaysSoAndIsMadeLaterInANewSession() {
        TestHousehold home = openWrtHousehold("owrt-busy");
        Device tv = Fixtures.device(home, "LG-TV-2", DeviceType.TV);
        peer.someoneElseAppliesWithRollback("firewall", "cfg01e63d", Map.of("forward", "ACCEPT"),
                Duration.ofSeconds(60));

        EnforcementAction action = quarantines.quarantine(home.id(), tv.id, QuarantineLevel.INTERNET_ONLY, null,
                Actor.subscriber("owrt-busy"), null, null);

        await().atMost(SOON).pollInterval(Duration.ofMillis(50)).until(() -> {
            EnforcementAction now = reload(action.id);
            return now.state == ActionState.REQUESTED && now.lastError != null
                    && now.lastError.startsWith("Someone else is changing the router's settings right now")
                    && now.lastError.contains("will make the change again later in a new session");
        });
        peer.rollbackTimeoutPasses();
        await().atMost(SOON).until(() -> reload(action.id).state == ActionState.VERIFIED);
        assertNotNull(peer.committed("firewall", rule(tv)));
        String refusedIn = peer.received("uci", "revert").get(0).session();
        List<UbusPeer.Received> applies = peer.received("uci", "apply");
        assertFalse(refusedIn.equals(applies.get(applies.size() - 1).session()), "applied in a new session");
    }

    @Test
    void anAclDenialFailsTheActionWithTheReasonInPlainWords() {
        TestHousehold home = openWrtHousehold("owrt-denied");
        Device laptop = Fixtures.device(home, "Lenovo-T14", DeviceType.LAPTOP);
        peer.login(installedLogin.username(), installedLogin.password(), UbusPeer.Acl.readOnly());

        EnforcementAction action = quarantines.quarantine(home.id(), laptop.id, QuarantineLevel.FULL, null,
                Actor.subscriber("owrt-denied"), null, null);

        await().atMost(SOON).until(() -> reload(action.id).state == ActionState.FAILED);
        assertEquals("The router does not let HomeShield's account change its firewall settings; the provider must "
                + "grant that account access on the router.", reload(action.id).lastError);
        assertTrue(peer.received("uci", "apply").isEmpty());
    }

    private RpcdLogin installedLogin;

    /** A new household whose router is this test's OpenWrt peer, with its own login installed there. */
    private TestHousehold openWrtHousehold(String subject) {
        TestHousehold home = Fixtures.newHousehold(subject);
        String url = peer.url();
        installedLogin = QuarkusTransaction.requiringNew().call(() -> {
            Router router = Router.findById(home.routerId());
            router.channel = ManagementChannel.OPENWRT;
            router.managementAddress = url;
            return logins.issue(router);
        });
        peer.login(installedLogin);
        return home;
    }

    private static Set<String> entries(UbusPeer router, String option) {
        Set<String> entries = new HashSet<>();
        router.committed("dhcp", "cfg01411c").get(option).forEach(entry -> entries.add(entry.asText()));
        return entries;
    }

    private static String rule(Device device) {
        return "quarantine_" + device.mac.replace(":", "").toLowerCase(Locale.ROOT);
    }

    private static void awaitSyncsVerified(UUID routerId) {
        await().atMost(SOON).until(() -> {
            List<EnforcementAction> syncs = QuarkusTransaction.requiringNew().call(() -> EnforcementAction
                    .<EnforcementAction>list("routerId = ?1 and kind = ?2", routerId, ActionKind.SYNC_DOMAIN_BLOCKS));
            return !syncs.isEmpty() && syncs.stream().allMatch(a -> a.state == ActionState.VERIFIED);
        });
    }

    private static EnforcementAction reload(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.findById(id));
    }
}
