package io.homeshield.routers.genieacs;

import static io.homeshield.routers.genieacs.GenieAcsPeer.DEVICE;
import static io.homeshield.routers.genieacs.GenieAcsPeer.encoded;
import static io.homeshield.routers.genieacs.Tr069Cpe.ACCESS_CONTROL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
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
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.DomainName;
import io.homeshield.net.MacAddress;

/** Quarantine, release, read-back and domain blocks through GenieACS, on a router behind the test ACS. */
class GenieAcsRouterControlTest {

    private static final MacAddress CAMERA = MacAddress.of("AA:BB:CC:00:00:02");
    private static final MacAddress TABLET = MacAddress.of("AA:BB:CC:00:00:07");
    private static final String MODEL = "HS-Box 7";
    private static final String OLD_MODEL = "Legacy 300";
    private static final String FILTER = Tr069Cpe.BLOCKED_DOMAINS;

    private GenieAcsPeer acs;
    private Tr069Cpe cpe;
    private GenieAcsRouterControl control;

    @BeforeEach
    void start() {
        acs = GenieAcsPeer.start();
        cpe = acs.cpe();
        control = adapterFor(acs.url());
    }

    @AfterEach
    void stop() {
        acs.close();
    }

    @Test
    void quarantineAddsOneDenyEntryPerDeviceAndTagsTheRouterAfterInstallingThePresetOnce() throws Exception {
        control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL);
        control.quarantine(router(MODEL), TABLET, QuarantineLevel.FULL);

        assertEquals(List.of("Deny"), policies(CAMERA));
        assertEquals(List.of("Deny"), policies(TABLET));
        assertEquals(2, cpe.rpcCount("AddObject"));
        assertEquals(Set.of("quarantine", "quarantine_AABBCC000002", "quarantine_AABBCC000007"), acs.device().tags());
        assertEquals(1, acs.requests("PUT /provisions/homeshield-quarantine"));
        assertEquals("Tags.quarantine IS NOT NULL", acs.preset("homeshield-quarantine").path("precondition").asText());
        assertTrue(acs.tasks().isEmpty(), "every task ran: " + acs.tasks());
    }

    @Test
    void presetsTheAcsLostAreInstalledAgain() throws Exception {
        control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL);
        acs.forgetPresetsAndProvisions();

        control.quarantine(router(MODEL), TABLET, QuarantineLevel.FULL);

        assertEquals(2, acs.requests("PUT /provisions/homeshield-quarantine"));
        assertEquals("Tags.quarantine IS NOT NULL", acs.preset("homeshield-quarantine").path("precondition").asText());
    }

    @Test
    void aDeviceTheRouterAlreadyDeniesInLowerCaseGetsNoSecondEntry() throws Exception {
        cpe.ownRow(ACCESS_CONTROL, Map.of("PhysAddress", "aa:bb:cc:00:00:02", "AccessPolicy", "Deny", "Enable",
                "true"));

        control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL);

        assertEquals(0, cpe.rpcCount("AddObject"));
        assertEquals(List.of("Deny"), policies(CAMERA));
        assertTrue(acs.device().tags().contains("quarantine_AABBCC000002"));
    }

    @Test
    void theOwnersAllowEntryForTheDeviceIsTurnedToDeny() throws Exception {
        int row = cpe.ownRow(ACCESS_CONTROL, Map.of("PhysAddress", "AA:BB:CC:00:00:02", "AccessPolicy", "Allow",
                "Enable", "true"));

        control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL);

        assertEquals("Deny", cpe.value(ACCESS_CONTROL + "." + row + ".AccessPolicy"));
        assertEquals(0, cpe.rpcCount("AddObject"));
    }

    @Test
    void anOfflineRouterIsARetryableFailureAndTheAcsAppliesTheQuarantineWhenItConnects() throws Exception {
        cpe.online = false;

        RouterControlException offline = assertThrows(RouterControlException.class,
                () -> control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL));

        assertTrue(offline.retryable());
        assertTrue(offline.getMessage().startsWith("The router is offline"), offline.getMessage());
        assertEquals(Set.of("quarantine", "quarantine_AABBCC000002"), acs.device().tags());
        assertTrue(acs.tasks().stream().noneMatch(t -> t.path("name").asText().equals("addObject")));

        cpe.online = true;
        acs.inform();
        assertEquals(List.of("Deny"), policies(CAMERA), "the ACS's preset put the entry in place");
    }

    @Test
    void theRetryAfterTheRouterCameBackFindsTheEntryTheAcsAddedAndAddsNoOther() throws Exception {
        cpe.online = false;
        assertThrows(RouterControlException.class, ()
                -> control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL));
        cpe.online = true;
        acs.inform();

        control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL);

        assertEquals(1, cpe.rpcCount("AddObject"));
        assertEquals(List.of("Deny"), policies(CAMERA));
    }

    @Test
    void aRouterWithoutTheHostAccessTableIsRefusedForGoodInPlainWords() {
        cpe.without(ACCESS_CONTROL);

        RouterControlException missing = assertThrows(RouterControlException.class,
                () -> control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL));

        assertFalse(missing.retryable());
        assertTrue(missing.getMessage().startsWith("This router does not have the host access table"),
                missing.getMessage());
    }

    @Test
    void aFaultIsReportedInPlainWordsWithItsCodeAndClearedWithItsTask() {
        acs.faultNext("addObject", "cwmp.9004", "Resources exceeded");

        RouterControlException fault = assertThrows(RouterControlException.class,
                () -> control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL));

        assertFalse(fault.retryable());
        assertEquals("The router has no room left for the change (fault cwmp.9004: Resources exceeded).",
                fault.getMessage());
        assertTrue(acs.faults().isEmpty());
        assertTrue(acs.tasks().isEmpty(), "deleting the fault deleted its task");
    }

    @Test
    void aPassingFaultIsRetriedAndTheRetrySucceeds() throws Exception {
        acs.faultNext("addObject", "cwmp.9002", "Internal error");

        RouterControlException fault = assertThrows(RouterControlException.class,
                () -> control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL));
        assertTrue(fault.retryable());

        control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL);
        assertEquals(List.of("Deny"), policies(CAMERA));
        assertTrue(acs.device().tags().contains("quarantine_AABBCC000002"));
    }

    @Test
    void aSessionThatBrokeOffIsRetryable() {
        acs.faultNext("refreshObject", "timeout", "Session timed out");
        RouterControlException fault = assertThrows(RouterControlException.class,
                () -> control.isQuarantined(router(MODEL), CAMERA));
        assertTrue(fault.retryable());
        assertTrue(fault.getMessage().contains("fault timeout: Session timed out"), fault.getMessage());
    }

    @Test
    void aDeviceTheAcsDoesNotKnowIsRefusedForGood() {
        RouterTarget unknown = new RouterTarget(UUID.randomUUID(), "SN0002", MODEL, ManagementChannel.GENIEACS,
                "00256D-HS%20Box%207-SN0002");
        RouterControlException refused = assertThrows(RouterControlException.class,
                () -> control.quarantine(unknown, CAMERA, QuarantineLevel.FULL));
        assertFalse(refused.retryable());
        assertTrue(refused.getMessage().contains("does not know this router"), refused.getMessage());
    }

    @Test
    void anAcsThatDoesNotAnswerIsRetryable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        RouterControlException down = assertThrows(RouterControlException.class,
                () -> adapterFor("http://127.0.0.1:" + port).quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL));
        assertTrue(down.retryable());
        assertTrue(down.getMessage().contains("did not answer"), down.getMessage());
    }

    @Test
    void releaseStopsTheAcsReapplyingItAndDeletesTheEntry() throws Exception {
        control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL);

        control.release(router(MODEL), CAMERA);

        assertTrue(policies(CAMERA).isEmpty());
        assertEquals(1, cpe.rpcCount("DeleteObject"));
        assertTrue(acs.device().tags().isEmpty());
        acs.inform();
        assertTrue(policies(CAMERA).isEmpty(), "the ACS does not put it back");
    }

    @Test
    void releaseKeepsTheRouterTaggedWhileOtherDevicesStayQuarantined() throws Exception {
        control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL);
        control.quarantine(router(MODEL), TABLET, QuarantineLevel.FULL);

        control.release(router(MODEL), CAMERA);

        assertEquals(Set.of("quarantine", "quarantine_AABBCC000007"), acs.device().tags());
        assertEquals(List.of("Deny"), policies(TABLET));
    }

    @Test
    void verificationReadsTheTableTheRouterHasNowNotTheAcsCopy() throws Exception {
        control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL);
        cpe.ownRow(ACCESS_CONTROL, Map.of("PhysAddress", "AA:BB:CC:00:00:07", "AccessPolicy", "Deny", "Enable",
                "false"));
        assertTrue(control.isQuarantined(router(MODEL), CAMERA));
        assertFalse(control.isQuarantined(router(MODEL), TABLET), "a disabled entry blocks nothing");

        int tablet = cpe.rows(ACCESS_CONTROL).get(1);
        cpe.changeLocally(ACCESS_CONTROL + "." + tablet + ".Enable", "true");
        assertTrue(control.isQuarantined(router(MODEL), TABLET), "the owner's change on the router is seen");
    }

    @Test
    void tr098RoutersAndInternetOnlyIsolationAreRefusedHonestly() {
        RouterControlException tr098 = assertThrows(RouterControlException.class,
                () -> control.quarantine(router(OLD_MODEL), CAMERA, QuarantineLevel.FULL));
        assertFalse(tr098.retryable());
        assertTrue(tr098.getMessage().contains("quarantine is not supported"), tr098.getMessage());

        RouterControlException internetOnly = assertThrows(RouterControlException.class,
                () -> control.quarantine(router(MODEL), CAMERA, QuarantineLevel.INTERNET_ONLY));
        assertFalse(internetOnly.retryable());
        assertTrue(acs.requests().isEmpty());
    }

    @Test
    void domainBlocksGoToTheModelsMappedParameterAndAreReadBack() throws Exception {
        RouterBlocklist wanted = new RouterBlocklist(List.of(everyone("tiktok.com"), everyone("roblox.com")));

        control.applyDomainBlocks(router(MODEL), wanted);

        assertEquals("roblox.com,tiktok.com", cpe.value(FILTER));
        assertEquals(wanted, control.domainBlocks(router(MODEL)));

        control.applyDomainBlocks(router(MODEL), RouterBlocklist.EMPTY);
        assertEquals("", cpe.value(FILTER), "the last blocked domain can go");
    }

    @Test
    void domainBlocksTheRouterChangedOnItsOwnArePutBack() throws Exception {
        RouterBlocklist wanted = new RouterBlocklist(List.of(everyone("tiktok.com")));
        control.applyDomainBlocks(router(MODEL), wanted);
        cpe.changeLocally(FILTER, "");

        control.applyDomainBlocks(router(MODEL), wanted);

        assertEquals("tiktok.com", cpe.value(FILTER), "the ACS's copy still said tiktok.com; the router did not");
    }

    @Test
    void domainBlocksTheRouterCannotEnforceAreRefusedForGood() {
        RouterBlocklist perDevice = new RouterBlocklist(List.of(
                new RouterBlocklist.Rule(DomainName.of("roblox.com"), Set.of(TABLET), Set.of())));
        RouterControlException onlyEveryone = assertThrows(RouterControlException.class,
                () -> control.applyDomainBlocks(router(MODEL), perDevice));
        assertFalse(onlyEveryone.retryable());
        assertTrue(onlyEveryone.getMessage().startsWith("This router can only block a domain for every device"));

        RouterControlException unmapped = assertThrows(RouterControlException.class,
                () -> control.applyDomainBlocks(router("Unknown 1"), RouterBlocklist.EMPTY));
        assertFalse(unmapped.retryable());
        assertTrue(unmapped.getMessage().startsWith("This router model cannot block domains"));
        assertTrue(acs.requests().isEmpty());
    }

    /** The policies of the router's own table rows for the device, whatever case it keeps the address in. */
    private List<String> policies(MacAddress device) {
        return cpe.rows(ACCESS_CONTROL).stream()
                .filter(row -> device.value().equalsIgnoreCase(cpe.value(ACCESS_CONTROL + "." + row + ".PhysAddress")))
                .filter(row -> "true".equals(cpe.value(ACCESS_CONTROL + "." + row + ".Enable")))
                .map(row -> cpe.value(ACCESS_CONTROL + "." + row + ".AccessPolicy")).toList();
    }

    private GenieAcsRouterControl adapterFor(String url) {
        TestAcsConfig config = TestAcsConfig.at(url).withModel(MODEL, DataModel.TR181, FILTER)
                .withModel(OLD_MODEL, DataModel.TR098, null);
        return new GenieAcsRouterControl(config, new ObjectMapper());
    }

    private static RouterBlocklist.Rule everyone(String domain) {
        return new RouterBlocklist.Rule(DomainName.of(domain), Set.of(), Set.of());
    }

    static RouterTarget router(String model) {
        return new RouterTarget(UUID.randomUUID(), "SN0001", model, ManagementChannel.GENIEACS, DEVICE);
    }

    static String tagPath(String tag) {
        return "/devices/" + encoded(DEVICE) + "/tags/" + tag;
    }
}
