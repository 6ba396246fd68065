package io.homeshield.routers.genieacs;

import static io.homeshield.routers.genieacs.GenieAcsPeer.DEVICE;
import static io.homeshield.routers.genieacs.GenieAcsPeer.encoded;
import static io.homeshield.routers.genieacs.GenieAcsRouterControlTest.router;
import static io.homeshield.routers.genieacs.GenieAcsRouterControlTest.tagPath;
import static io.homeshield.routers.genieacs.Tr069Cpe.ACCESS_CONTROL;
import static io.homeshield.routers.genieacs.Tr069Cpe.DNS_1;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.net.MacAddress;

/**
 * Each GenieACS 1.2.16 behaviour observed on the real ACS (ACS-1 to ACS-8), reproduced by the test
 * peer, and what HomeShield does about it.
 */
class GenieAcsPeerObservationsTest {

    private static final MacAddress CAMERA = MacAddress.of("AA:BB:CC:00:00:02");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private GenieAcsPeer acs;
    private Tr069Cpe cpe;
    private TestAcsConfig config;
    private GenieAcsRouterControl control;

    @BeforeEach
    void start() {
        acs = GenieAcsPeer.start();
        cpe = acs.cpe();
        config = TestAcsConfig.at(acs.url()).withModel("HS-Box 7", DataModel.TR181, Tr069Cpe.BLOCKED_DOMAINS);
        control = new GenieAcsRouterControl(config, json);
    }

    @AfterEach
    void stop() {
        acs.close();
    }

    @Test
    void acs1_aTaskIsDoneQueuedOrFaultedAndAFaultIsClearedTogetherWithItsTask() throws Exception {
        assertEquals(200, postTask("{\"name\":\"reboot\"}").statusCode());

        cpe.online = false;
        HttpResponse<String> queued = postTask("{\"name\":\"reboot\"}");
        assertEquals(202, queued.statusCode());
        assertEquals(1, acs.tasks().size(), "the task is kept for the router's next session");
        assertThrows(RouterControlException.class, () -> control.reboot(router("HS-Box 7")));
        cpe.online = true;

        acs.faultNext("setParameterValues", "cwmp.9002", "Internal error");
        RouterControlException fault = assertThrows(RouterControlException.class,
                () -> control.setParameters(router("HS-Box 7"), Map.of(DNS_1, "10.255.0.99")));
        assertTrue(fault.retryable());
        assertEquals("The router hit an internal error (fault cwmp.9002: Internal error).", fault.getMessage());
        assertTrue(acs.faults().isEmpty(), "HomeShield clears the fault");
        assertTrue(acs.tasks().stream().noneMatch(t -> t.path("name").asText().equals("setParameterValues")),
                "and with it the task, so a retry starts clean");
    }

    @Test
    void acs2_aDnsRevertToAValueTheAcsHasNotSeenTheRouterLeaveReachesTheRouter() throws Exception {
        acs.device().fetchedLongAgo("Device.DNS.Client.Server");
        cpe.changeLocally(DNS_1, "203.0.113.66");

        HttpResponse<String> skipped = postTask("{\"name\":\"setParameterValues\",\"parameterValues\":[[\""
                + DNS_1 + "\",\"10.255.0.53\",\"xsd:string\"]]}");
        assertEquals(200, skipped.statusCode(), "GenieACS answers 200 ...");
        assertEquals("203.0.113.66", cpe.value(DNS_1), "... without sending a change its stale copy already shows");

        control.setParameters(router("HS-Box 7"), Map.of(DNS_1, "10.255.0.53"));

        assertEquals("10.255.0.53", cpe.value(DNS_1), "HomeShield had the ACS read the router first");
    }

    @Test
    void acs2_readOnlyAndMissingParametersAreSkippedWith200AndHomeShieldSaysSoInPlainWords() throws Exception {
        assertEquals(200, postTask("{\"name\":\"setParameterValues\",\"parameterValues\":[[\""
                + Tr069Cpe.SOFTWARE_VERSION + "\",\"9.9.9\",\"xsd:string\"],[\"Device.X_Missing.Enable\",true,"
                + "\"xsd:boolean\"]]}").statusCode());
        assertEquals(0, cpe.rpcCount("SetParameterValues"));

        RouterControlException readOnly = assertThrows(RouterControlException.class,
                () -> control.setParameters(router("HS-Box 7"), Map.of(Tr069Cpe.SOFTWARE_VERSION, "9.9.9")));
        assertTrue(readOnly.getMessage().contains("(it is read-only)"), readOnly.getMessage());
        RouterControlException missing = assertThrows(RouterControlException.class,
                () -> control.setParameters(router("HS-Box 7"), Map.of("Device.X_Missing.Enable", "true")));
        assertTrue(missing.getMessage().startsWith("This router does not have the setting"), missing.getMessage());
    }

    @Test
    void acs3_theDocumentStaysStaleUntilTheWatchPresetHasTheAcsReadTheWatchedSettings() throws Exception {
        GenieAcsNbi nbi = new GenieAcsNbi(config, json);
        acs.device().fetchedLongAgo("Device.DNS.Client.Server");
        cpe.changeLocally(DNS_1, "203.0.113.66");
        acs.inform();
        assertEquals("10.255.0.53", new AcsDocument(nbi.device(DEVICE, DNS_1)).value(DNS_1).orElseThrow(),
                "an inform alone does not refresh it");

        new WatchPreset(nbi, config).ensureInstalled();
        acs.inform();

        assertEquals("203.0.113.66", new AcsDocument(nbi.device(DEVICE, DNS_1)).value(DNS_1).orElseThrow());
    }

    @Test
    void acs4_aRouterKeepingLowerCaseMacsKeepsExactlyOneDenyRowOverTenSessions() throws Exception {
        cpe.lowerCaseMacs = true;
        control.quarantine(router("HS-Box 7"), CAMERA, QuarantineLevel.FULL);

        for (int session = 0; session < 10; session++) {
            acs.inform();
        }

        assertEquals(1, cpe.rows(ACCESS_CONTROL).size());
        int row = cpe.rows(ACCESS_CONTROL).get(0);
        assertEquals("aa:bb:cc:00:00:02", cpe.value(ACCESS_CONTROL + "." + row + ".PhysAddress"));
        assertEquals("Deny", cpe.value(ACCESS_CONTROL + "." + row + ".AccessPolicy"));
        assertTrue(control.isQuarantined(router("HS-Box 7"), CAMERA));
    }

    @Test
    void acs5_callsRefusedWhileTheRouterIsInSessionAreTriedAgainAfterAPause() throws Exception {
        control.quarantine(router("HS-Box 7"), CAMERA, QuarantineLevel.FULL);
        acs.holdSession(Duration.ofMillis(400));

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(acs.url() + tagPath("probe")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(503, refused.statusCode());
        assertEquals("Device is in session", refused.body());

        control.release(router("HS-Box 7"), CAMERA);

        assertTrue(acs.requests("DELETE " + tagPath("quarantine_AABBCC000002")) >= 2, acs.requests().toString());
        assertFalse(acs.device().tags().contains("quarantine_AABBCC000002"));
        assertTrue(cpe.rows(ACCESS_CONTROL).isEmpty());
    }

    @Test
    void acs6_aLongSessionIsWaitedForAndOneOutlastingTheAcsWaitIsNotAFailure() throws Exception {
        cpe.sessionLength = acs.sessionWait().dividedBy(2);
        control.reboot(router("HS-Box 7"));
        assertEquals(1, cpe.rpcCount("Reboot"), "GenieACS answered once the session had ended");

        cpe.sessionLength = acs.sessionWait().plusSeconds(3);
        control.reboot(router("HS-Box 7"));
        assertEquals(1, cpe.rpcCount("Reboot"), "GenieACS answered 202 before the session ended");
        await().atMost(Duration.ofSeconds(10)).until(() -> cpe.rpcCount("Reboot") == 2);
        assertTrue(acs.tasks().isEmpty(), "the task ran in the session GenieACS stopped waiting for");
    }

    @Test
    void acs7_repeatedRestartsOfAnOfflineRouterWaitAsOneTask() throws Exception {
        cpe.online = false;
        for (int i = 0; i < 3; i++) {
            postTask("{\"name\":\"reboot\"}");
        }
        assertEquals(3, acs.tasks().size(), "without a unique key, GenieACS keeps each");
        acs.inform();
        assertEquals(1, cpe.rpcCount("Reboot"), "and the router restarts once");

        for (int i = 0; i < 3; i++) {
            assertThrows(RouterControlException.class, () -> control.reboot(router("HS-Box 7")));
        }
        assertEquals(1, acs.tasks().size(), "HomeShield's restarts carry a unique key: each replaces the last");
        acs.inform();
        assertEquals(2, cpe.rpcCount("Reboot"));
    }

    @Test
    void acs8_theDeviceIdIsPercentEncodedInThePathAndDecodedByTheAcs() throws Exception {
        control.reboot(router("HS-Box 7"));
        assertTrue(acs.requests().stream().anyMatch(r
                -> r.startsWith("POST /devices/00256D-HS%2520Box%25207-SN0001/tasks")),
                acs.requests().toString());

        HttpResponse<String> unencoded = http.send(HttpRequest.newBuilder(URI.create(acs.url()
                + "/devices/" + DEVICE + "/tasks?connection_request")).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"reboot\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, unencoded.statusCode(), "HS%20Box decodes to \"HS Box\", another device");
        assertEquals("No such device", unencoded.body());
        assertNull(acs.faults().get(DEVICE));
        assertEquals(List.of("Reboot"), cpe.rpcs().stream().filter(r -> r.equals("Reboot")).toList());
    }

    private HttpResponse<String> postTask(String task) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(acs.url() + "/devices/" + encoded(DEVICE)
                + "/tasks?connection_request&timeout=1000")).POST(HttpRequest.BodyPublishers.ofString(task)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
