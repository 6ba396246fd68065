package io.homeshield.routers.genieacs;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.homeshield.routers.genieacs.GenieAcsPeer.DEVICE;
import static io.homeshield.routers.genieacs.GenieAcsPeer.encoded;
import static io.homeshield.routers.genieacs.GenieAcsPeer.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

class GenieAcsRouterControlTest {

    private static final MacAddress CAMERA = MacAddress.of("AA:BB:CC:00:00:02");
    private static final MacAddress TABLET = MacAddress.of("AA:BB:CC:00:00:07");
    private static final String MODEL = "HS-Box 7";
    private static final String OLD_MODEL = "Legacy 300";
    private static final String FILTER = "Device.X_00256D_DNSFilter.BlockedDomains";

    private WireMockServer server;
    private GenieAcsPeer acs;
    private GenieAcsRouterControl control;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        acs = new GenieAcsPeer(server);
        acs.healthy();
        control = adapterFor(server.baseUrl());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void quarantineRefreshesAddsOneDenyEntryAndTagsTheRouterAfterInstallingThePresetOnce() throws Exception {
        acs.taskDone("refreshObject");
        acs.accessControl(null, "");
        acs.taskDone("addObject");

        control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL);
        control.quarantine(router(MODEL), TABLET, QuarantineLevel.FULL);

        server.verify(2, postRequestedFor(urlPathEqualTo(acs.tasksPath()))
                .withQueryParam("timeout", equalTo("10000"))
                .withRequestBody(equalToJson("{\"name\":\"refreshObject\",\"objectName\":\"Device.Hosts.AccessControl\","
                        + "\"uniqueKey\":\"homeshield-refresh-access-control\",\"expiry\":3600}")));
        server.verify(1, postRequestedFor(urlPathEqualTo(acs.tasksPath())).withRequestBody(equalToJson(
                "{\"name\":\"addObject\",\"objectName\":\"Device.Hosts.AccessControl\",\"parameterValues\":["
                        + "[\"PhysAddress\",\"AA:BB:CC:00:00:02\",\"xsd:string\"],[\"AccessPolicy\",\"Deny\",\"xsd:string\"],"
                        + "[\"Enable\",true,\"xsd:boolean\"]],\"uniqueKey\":\"homeshield-quarantine-AABBCC000002\","
                        + "\"expiry\":3600}")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/devices/" + encoded(DEVICE) + "/tags/quarantine_AABBCC000002")));
        server.verify(2, postRequestedFor(urlPathEqualTo("/devices/" + encoded(DEVICE) + "/tags/quarantine")));

        server.verify(1, putRequestedFor(urlPathEqualTo("/provisions/homeshield-quarantine"))
                .withRequestBody(containing("declare(entry + \".AccessPolicy\", {value: now}, {value: \"Deny\"})")));
        server.verify(1, putRequestedFor(urlPathEqualTo("/presets/homeshield-quarantine")).withRequestBody(equalToJson(
                "{\"weight\":0,\"channel\":\"homeshield\",\"precondition\":\"Tags.quarantine IS NOT NULL\","
                        + "\"configurations\":[{\"type\":\"provision\",\"name\":\"homeshield-quarantine\",\"args\":[]}]}")));
    }

    @Test
    void aDeviceTheRouterAlreadyDeniesGetsNoSecondEntry() throws Exception {
        acs.taskDone("refreshObject");
        acs.accessControl(null, row(1, "aa:bb:cc:00:00:02", "Deny", true));

        control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL);

        server.verify(0, postRequestedFor(urlPathEqualTo(acs.tasksPath()))
                .withRequestBody(matchingJsonPath("$.name", equalTo("addObject"))));
        server.verify(1, postRequestedFor(urlPathEqualTo("/devices/" + encoded(DEVICE) + "/tags/quarantine_AABBCC000002")));
    }

    @Test
    void anAllowEntryForTheDeviceIsTurnedToDeny() throws Exception {
        acs.taskDone("refreshObject");
        acs.accessControl(null, row(4, "AA:BB:CC:00:00:02", "Allow", true));
        acs.taskDone("setParameterValues");

        control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL);

        server.verify(1, postRequestedFor(urlPathEqualTo(acs.tasksPath())).withRequestBody(equalToJson(
                "{\"name\":\"setParameterValues\",\"parameterValues\":["
                        + "[\"Device.Hosts.AccessControl.4.AccessPolicy\",\"Deny\",\"xsd:string\"],"
                        + "[\"Device.Hosts.AccessControl.4.Enable\",true,\"xsd:boolean\"]],"
                        + "\"uniqueKey\":\"homeshield-quarantine-AABBCC000002\",\"expiry\":3600}")));
    }

    @Test
    void anOfflineRouterIsARetryableFailureAndTheAcsAppliesTheQuarantineWhenItConnects() {
        acs.taskQueued("refreshObject");
        acs.pendingTasks("{\"_id\":\"5f1a\",\"name\":\"addObject\",\"uniqueKey\":\"homeshield-quarantine-AABBCC000002\"},"
                + "{\"_id\":\"5f1b\",\"name\":\"reboot\"}");

        RouterControlException offline = assertThrows(RouterControlException.class,
                () -> control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL));

        assertTrue(offline.retryable());
        assertTrue(offline.getMessage().startsWith("The router is offline"), offline.getMessage());
        server.verify(0, postRequestedFor(urlPathEqualTo(acs.tasksPath()))
                .withRequestBody(matchingJsonPath("$.name", equalTo("addObject"))));
        server.verify(deleteRequestedFor(urlPathEqualTo("/tasks/5f1a")));
        server.verify(0, deleteRequestedFor(urlPathEqualTo("/tasks/5f1b")));
        server.verify(postRequestedFor(urlPathEqualTo("/devices/" + encoded(DEVICE) + "/tags/quarantine_AABBCC000002")));
        server.verify(postRequestedFor(urlPathEqualTo("/devices/" + encoded(DEVICE) + "/tags/quarantine")));
    }

    @Test
    void theRetryAfterTheRouterCameBackFindsTheEntryTheAcsAddedAndAddsNoOther() throws Exception {
        acs.taskQueued("refreshObject");
        assertThrows(RouterControlException.class, () -> control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL));

        acs.taskDone("refreshObject");
        acs.accessControl(null, row(2, "AA:BB:CC:00:00:02", "Deny", true));
        control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL);

        server.verify(2, postRequestedFor(urlPathEqualTo(acs.tasksPath()))
                .withRequestBody(matchingJsonPath("$.uniqueKey", equalTo("homeshield-refresh-access-control"))));
        server.verify(0, postRequestedFor(urlPathEqualTo(acs.tasksPath()))
                .withRequestBody(matchingJsonPath("$.name", equalTo("addObject"))));
    }

    @Test
    void aRouterThatWentOfflineBeforeTheAddIsRetryableAndNotTagged() {
        acs.taskDone("refreshObject");
        acs.accessControl(null, "");
        acs.taskQueued("addObject");

        RouterControlException offline = assertThrows(RouterControlException.class,
                () -> control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL));

        assertTrue(offline.retryable());
        server.verify(0, postRequestedFor(urlPathMatching("/devices/[^/]+/tags/.*")));
    }

    @Test
    void aFaultIsReportedInPlainWordsWithItsCodeAndClearedBeforeTheRetry() {
        acs.taskDone("refreshObject");
        acs.accessControl(null, "");
        acs.taskFaulted("addObject", "cwmp.9005", "Invalid parameter name");

        RouterControlException fault = assertThrows(RouterControlException.class,
                () -> control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL));

        assertFalse(fault.retryable());
        assertEquals("This router model does not have the setting HomeShield needs "
                + "(fault cwmp.9005: Invalid parameter name).", fault.getMessage());
        server.verify(deleteRequestedFor(urlPathEqualTo("/faults/" + encoded(DEVICE + ":task_faulted-addObject"))));
    }

    @Test
    void aPassingFaultIsRetriedAndTheRetrySucceeds() throws Exception {
        acs.taskDone("refreshObject");
        acs.accessControl(null, "");
        acs.taskFaulted("addObject", "cwmp.9002", "Internal error");

        RouterControlException fault = assertThrows(RouterControlException.class,
                () -> control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL));
        assertTrue(fault.retryable());
        server.verify(1, deleteRequestedFor(urlPathMatching("/faults/.*")));

        acs.taskDone("addObject");
        control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL);
        server.verify(postRequestedFor(urlPathEqualTo("/devices/" + encoded(DEVICE) + "/tags/quarantine_AABBCC000002")));
    }

    @Test
    void aSessionThatBrokeOffIsRetryable() {
        acs.taskFaulted("refreshObject", "timeout", "Session timed out");
        RouterControlException fault = assertThrows(RouterControlException.class,
                () -> control.isQuarantined(router(MODEL), CAMERA));
        assertTrue(fault.retryable());
        assertTrue(fault.getMessage().contains("fault timeout: Session timed out"), fault.getMessage());
    }

    @Test
    void aDeviceTheAcsDoesNotKnowIsRefusedForGood() {
        acs.unknownDevice();
        RouterControlException unknown = assertThrows(RouterControlException.class,
                () -> control.quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL));
        assertFalse(unknown.retryable());
        assertTrue(unknown.getMessage().contains("does not know this router"), unknown.getMessage());
    }

    @Test
    void anAcsThatDoesNotAnswerIsRetryable() {
        int port = server.port();
        server.stop();
        RouterControlException down = assertThrows(RouterControlException.class,
                () -> adapterFor("http://127.0.0.1:" + port).quarantine(router(MODEL), CAMERA, QuarantineLevel.FULL));
        assertTrue(down.retryable());
        assertTrue(down.getMessage().contains("did not answer"), down.getMessage());
        server.start();
    }

    @Test
    void releaseStopsTheAcsReapplyingItCancelsQueuedAddsAndDeletesTheEntry() throws Exception {
        acs.tags("quarantine", "quarantine_AABBCC000002");
        acs.pendingTasks("{\"_id\":\"61aa\",\"name\":\"addObject\",\"uniqueKey\":\"homeshield-quarantine-AABBCC000002\"}");
        acs.taskDone("refreshObject");
        acs.accessControl(null, row(1, "AA:BB:CC:00:00:09", "Deny", true) + row(3, "AA:BB:CC:00:00:02", "Deny", true));
        acs.taskDone("deleteObject");

        control.release(router(MODEL), CAMERA);

        String tags = "/devices/" + encoded(DEVICE) + "/tags/";
        server.verify(deleteRequestedFor(urlPathEqualTo(tags + "quarantine_AABBCC000002")));
        server.verify(deleteRequestedFor(urlPathEqualTo(tags + "quarantine")));
        server.verify(deleteRequestedFor(urlPathEqualTo("/tasks/61aa")));
        server.verify(1, postRequestedFor(urlPathEqualTo(acs.tasksPath())).withRequestBody(equalToJson(
                "{\"name\":\"deleteObject\",\"objectName\":\"Device.Hosts.AccessControl.3\","
                        + "\"uniqueKey\":\"homeshield-release-AABBCC000002-3\",\"expiry\":3600}")));
    }

    @Test
    void releaseKeepsTheRouterTaggedWhileOtherDevicesStayQuarantined() throws Exception {
        acs.tags("quarantine", "quarantine_AABBCC000002", "quarantine_AABBCC000007");
        acs.taskDone("refreshObject");
        acs.accessControl(null, "");

        control.release(router(MODEL), CAMERA);

        String tags = "/devices/" + encoded(DEVICE) + "/tags/";
        server.verify(deleteRequestedFor(urlPathEqualTo(tags + "quarantine_AABBCC000002")));
        server.verify(0, deleteRequestedFor(urlPathEqualTo(tags + "quarantine")));
    }

    @Test
    void verificationReadsTheTableTheRouterJustReported() throws Exception {
        acs.taskDone("refreshObject");
        acs.accessControl(null, row(1, "AA:BB:CC:00:00:02", "Deny", true) + row(2, "AA:BB:CC:00:00:07", "Deny", false));

        assertTrue(control.isQuarantined(router(MODEL), CAMERA));
        assertFalse(control.isQuarantined(router(MODEL), TABLET), "a disabled entry blocks nothing");
        server.verify(2, postRequestedFor(urlPathEqualTo(acs.tasksPath()))
                .withRequestBody(matchingJsonPath("$.name", equalTo("refreshObject"))));
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
        server.verify(0, postRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void domainBlocksGoToTheModelsMappedParameterAndAreReadBack() throws Exception {
        acs.taskDone("setParameterValues");
        acs.taskDone("getParameterValues");
        server.stubFor(get(urlPathEqualTo("/devices/"))
                .withQueryParam("projection", equalTo(FILTER))
                .willReturn(okJson("[\n{\"_id\":\"" + DEVICE
                        + "\",\"Device\":{\"X_00256D_DNSFilter\":{\"BlockedDomains\":{\"_value\":\"roblox.com,tiktok.com\","
                        + "\"_type\":\"xsd:string\",\"_writable\":true}}}}\n]")));
        DomainBlocklist wanted = new DomainBlocklist(List.of(everyone("tiktok.com"), everyone("roblox.com")));

        control.applyDomainBlocks(router(MODEL), wanted);

        server.verify(postRequestedFor(urlPathEqualTo(acs.tasksPath())).withRequestBody(equalToJson(
                "{\"name\":\"setParameterValues\",\"uniqueKey\":\"homeshield-domain-blocks\",\"parameterValues\":["
                        + "[\"" + FILTER + "\",\"roblox.com,tiktok.com\",\"xsd:string\"]],\"expiry\":3600}")));
        assertEquals(wanted, control.domainBlocks(router(MODEL)));
    }

    @Test
    void domainBlocksTheRouterCannotEnforceAreRefusedForGood() {
        DomainBlocklist perDevice = new DomainBlocklist(List.of(
                new DomainBlocklist.Rule(DomainName.of("roblox.com"), Set.of(TABLET), Set.of())));
        RouterControlException onlyEveryone = assertThrows(RouterControlException.class,
                () -> control.applyDomainBlocks(router(MODEL), perDevice));
        assertFalse(onlyEveryone.retryable());
        assertTrue(onlyEveryone.getMessage().startsWith("This router can only block a domain for every device"));

        RouterControlException unmapped = assertThrows(RouterControlException.class,
                () -> control.applyDomainBlocks(router("Unknown 1"), DomainBlocklist.EMPTY));
        assertFalse(unmapped.retryable());
        assertTrue(unmapped.getMessage().startsWith("This router model cannot block domains"));
        server.verify(0, postRequestedFor(urlPathMatching(".*")));
    }

    private GenieAcsRouterControl adapterFor(String url) {
        TestAcsConfig config = TestAcsConfig.at(url).withModel(MODEL, DataModel.TR181, FILTER)
                .withModel(OLD_MODEL, DataModel.TR098, null);
        return new GenieAcsRouterControl(config, new ObjectMapper());
    }

    private static DomainBlocklist.Rule everyone(String domain) {
        return new DomainBlocklist.Rule(DomainName.of(domain), Set.of(), Set.of());
    }

    private static RouterTarget router(String model) {
        return new RouterTarget(UUID.randomUUID(), "SN0001", model, ManagementChannel.GENIEACS, DEVICE);
    }
}
