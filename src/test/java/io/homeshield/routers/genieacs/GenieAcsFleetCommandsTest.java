package io.homeshield.routers.genieacs;

import static io.homeshield.routers.genieacs.Tr069Cpe.DNS_1;
import static io.homeshield.routers.genieacs.Tr069Cpe.REMOTE_ACCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.enforcement.FirmwareImage;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.inventory.ManagementChannel;

/** Fleet commands through the GenieACS NBI: settings, their read-back, restart, reset and firmware download. */
class GenieAcsFleetCommandsTest {

    private static final RouterTarget ROUTER = new RouterTarget(UUID.randomUUID(), "SN0001", "HS-Box 7",
            ManagementChannel.GENIEACS, GenieAcsPeer.DEVICE);

    private GenieAcsPeer acs;
    private Tr069Cpe cpe;
    private GenieAcsRouterControl control;

    @BeforeEach
    void start() {
        acs = GenieAcsPeer.start();
        cpe = acs.cpe();
        control = new GenieAcsRouterControl(TestAcsConfig.at(acs.url()), new ObjectMapper());
    }

    @AfterEach
    void stop() {
        acs.close();
    }

    @Test
    void settingsReachTheRouterInOneSetParameterValuesTypedAsTheRouterTypesThemAndAreReadBack() throws Exception {
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(DNS_1, "10.255.0.99");
        wanted.put(REMOTE_ACCESS, "true");

        control.setParameters(ROUTER, wanted);

        assertEquals("10.255.0.99", cpe.value(DNS_1));
        assertEquals("true", cpe.value(REMOTE_ACCESS));
        assertEquals(1, cpe.rpcCount("SetParameterValues"));
        assertEquals(Map.of(DNS_1, "10.255.0.99", REMOTE_ACCESS, "true"),
                control.parameters(ROUTER, List.of(DNS_1, REMOTE_ACCESS)));
    }

    @Test
    void aValueTheRouterAcknowledgedButDidNotTakeIsSentAgain() throws Exception {
        cpe.ignoresNextSet = true;

        control.setParameters(ROUTER, Map.of(DNS_1, "10.255.0.99"));

        assertEquals("10.255.0.99", cpe.value(DNS_1));
        assertEquals(2, cpe.rpcCount("SetParameterValues"));
    }

    @Test
    void aSettingTheRouterAlreadyHasIsNotSentAgain() throws Exception {
        control.setParameters(ROUTER, Map.of(DNS_1, "10.255.0.53"));
        assertEquals(0, cpe.rpcCount("SetParameterValues"));
    }

    @Test
    void settingsTheRouterDoesNotHaveOrDoesNotLetChangeAreRefusedForGoodInPlainWords() {
        RouterControlException missing = assertThrows(RouterControlException.class,
                () -> control.setParameters(ROUTER, Map.of("Device.X_00256D_Parental.Enable", "true")));
        assertFalse(missing.retryable());
        assertEquals("This router does not have the setting Device.X_00256D_Parental.Enable, so HomeShield cannot "
                + "change it.", missing.getMessage());

        RouterControlException readOnly = assertThrows(RouterControlException.class,
                () -> control.setParameters(ROUTER, Map.of(Tr069Cpe.SOFTWARE_VERSION, "9.9.9")));
        assertFalse(readOnly.retryable());
        assertEquals("This router does not let anyone change Device.DeviceInfo.SoftwareVersion (it is read-only), so "
                + "HomeShield cannot change it.", readOnly.getMessage());
        assertEquals(0, cpe.rpcCount("SetParameterValues"));
    }

    @Test
    void restartResetAndFirmwareAreTheAcsOwnTasks() throws Exception {
        control.reboot(ROUTER);
        control.factoryReset(ROUTER);
        control.installFirmware(ROUTER, new FirmwareImage("https://fw.example-isp.net/hsbox7-1.5.1.bin", "1.5.1"));

        assertEquals(List.of("Reboot", "FactoryReset", "Download 1 Firmware Upgrade Image hsbox7-1.5.1.bin"),
                cpe.rpcs().stream().filter(r -> !r.startsWith("Get")).toList());
    }

    @Test
    void aRestartForARouterThatIsOfflineWaitsAndIsRetried() {
        cpe.online = false;

        RouterControlException offline = assertThrows(RouterControlException.class, () -> control.reboot(ROUTER));

        assertTrue(offline.retryable());
        assertEquals(1, acs.tasks().size(), "the restart waits in the ACS");
    }
}
