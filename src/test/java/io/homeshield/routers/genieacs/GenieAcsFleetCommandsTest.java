package io.homeshield.routers.genieacs;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.homeshield.enforcement.FirmwareImage;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;

/** Fleet commands through the GenieACS NBI: settings, their read-back, restart, reset and firmware download. */
class GenieAcsFleetCommandsTest {

    private static final String DNS = "Device.DNS.Client.Server.1.DNSServer";
    private static final String REMOTE = "Device.UserInterface.RemoteAccess.Enable";
    private static final RouterTarget ROUTER = new RouterTarget(UUID.randomUUID(), "SN0001", "HS-Box 7",
            ManagementChannel.GENIEACS, GenieAcsPeer.DEVICE);

    private WireMockServer server;
    private GenieAcsPeer acs;
    private GenieAcsRouterControl control;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        acs = new GenieAcsPeer(server);
        acs.healthy();
        control = new GenieAcsRouterControl(TestAcsConfig.at(server.baseUrl()), new ObjectMapper());
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void settingsGoInOneSetParameterValuesTaskTypedAndAreReadBackFromTheDeviceDocument() throws Exception {
        acs.taskDone("setParameterValues");
        acs.taskDone("getParameterValues");
        server.stubFor(get(urlPathEqualTo("/devices/")).withQueryParam("projection", equalTo(DNS + "," + REMOTE))
                .willReturn(okJson("[{\"_id\":\"" + GenieAcsPeer.DEVICE + "\",\"Device\":{\"DNS\":{\"Client\":{\"Server\":"
                        + "{\"1\":{\"DNSServer\":{\"_value\":\"10.255.0.53\",\"_type\":\"xsd:string\"}}}}},"
                        + "\"UserInterface\":{\"RemoteAccess\":{\"Enable\":{\"_value\":false,\"_type\":\"xsd:boolean\"}}}}}]")));

        control.setParameters(ROUTER, new java.util.LinkedHashMap<>(Map.of(DNS, "10.255.0.53")));
        control.setParameters(ROUTER, Map.of(REMOTE, "false"));

        server.verify(postRequestedFor(urlPathEqualTo(acs.tasksPath())).withRequestBody(equalToJson(
                "{\"name\":\"setParameterValues\",\"parameterValues\":[[\"" + DNS + "\",\"10.255.0.53\",\"xsd:string\"]],"
                        + "\"expiry\":3600}")));
        server.verify(postRequestedFor(urlPathEqualTo(acs.tasksPath())).withRequestBody(equalToJson(
                "{\"name\":\"setParameterValues\",\"parameterValues\":[[\"" + REMOTE + "\",false,\"xsd:boolean\"]],"
                        + "\"expiry\":3600}")));
        assertEquals(Map.of(DNS, "10.255.0.53", REMOTE, "false"), control.parameters(ROUTER, List.of(DNS, REMOTE)));
    }

    @Test
    void restartResetAndFirmwareAreTheAcsOwnTasks() throws Exception {
        acs.taskDone("reboot");
        acs.taskDone("factoryReset");
        acs.taskDone("download");

        control.reboot(ROUTER);
        control.factoryReset(ROUTER);
        control.installFirmware(ROUTER, new FirmwareImage("https://fw.example-isp.net/hsbox7-1.5.1.bin", "1.5.1"));

        server.verify(postRequestedFor(urlPathEqualTo(acs.tasksPath()))
                .withRequestBody(equalToJson("{\"name\":\"reboot\",\"expiry\":3600}")));
        server.verify(postRequestedFor(urlPathEqualTo(acs.tasksPath()))
                .withRequestBody(equalToJson("{\"name\":\"factoryReset\",\"expiry\":3600}")));
        server.verify(postRequestedFor(urlPathEqualTo(acs.tasksPath())).withRequestBody(equalToJson(
                "{\"name\":\"download\",\"fileType\":\"1 Firmware Upgrade Image\","
                        + "\"fileName\":\"hsbox7-1.5.1.bin\",\"expiry\":3600}")));
    }

    @Test
    void aRestartForARouterThatIsOfflineWaitsAndIsRetried() {
        acs.taskQueued("reboot");

        RouterControlException offline = assertThrows(RouterControlException.class, () -> control.reboot(ROUTER));

        assertTrue(offline.retryable());
    }
}
