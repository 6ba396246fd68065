package io.homeshield.routers.usp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.homeshield.enforcement.FirmwareImage;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.routers.usp.proto.UspMsgProto.Header.MsgType;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.routers.usp.proto.UspMsgProto.Operate;

/**
 * Fleet commands through USP Operate, against the real Mosquitto and an agent that decodes the real
 * protobuf Records: the exact command and input arguments each remediation sends, and a command the
 * router cannot carry out coming back as a reason a person can read.
 */
class UspFleetCommandsTest extends UspAgentTestBase {

    private static final String IMAGE = "https://firmware.example.net/hs-box/1.5.0.bin";

    @Test
    void aRestartIsTheOperateDeviceRebootWithNoArguments() throws Exception {
        usp.reboot(router);

        Operate operate = onlyOperate();
        assertEquals("Device.Reboot()", operate.getCommand());
        assertEquals(Map.of(), operate.getInputArgsMap());
        assertTrue(operate.getSendResp(), "the controller waits for the router to accept it");
        assertTrue(operate.getCommandKey().startsWith("homeshield-"));
    }

    @Test
    void aFactoryResetIsTheOperateDeviceFactoryReset() throws Exception {
        usp.factoryReset(router);

        assertEquals("Device.FactoryReset()", onlyOperate().getCommand());
    }

    @Test
    void firmwareIsDownloadedIntoTheBankTheRouterDoesNotRunAndActivatedWhenWritten() throws Exception {
        usp.installFirmware(router, new FirmwareImage(IMAGE, "1.5.0"));

        Operate operate = onlyOperate();
        assertEquals("Device.DeviceInfo.FirmwareImage.2.Download()", operate.getCommand(),
                "image 1 is the active one; the spare bank is written");
        assertEquals(Map.of("URL", IMAGE, "AutoActivate", "true"), operate.getInputArgsMap());
        List<String> read = agent.requests(MsgType.GET).stream()
                .flatMap(m -> m.getBody().getRequest().getGet().getParamPathsList().stream()).toList();
        assertEquals(List.of("Device.DeviceInfo.", "Device.DeviceInfo.FirmwareImage."), read);
    }

    @Test
    void theImagesChecksumGoesWithTheDownloadForTheRouterToCheck() throws Exception {
        String sha256 = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
        usp.installFirmware(router, new FirmwareImage(IMAGE, "1.5.0", sha256));

        assertEquals(Map.of("URL", IMAGE, "AutoActivate", "true", "CheckSumAlgorithm", "SHA-256", "CheckSum",
                sha256.toLowerCase(java.util.Locale.ROOT)), onlyOperate().getInputArgsMap());
    }

    @Test
    void aCommandTheRouterCannotCarryOutComesBackAsAReadableReason() {
        agent.model().failCommands(UspErrorReasons.COMMAND_FAILURE, "Download failed: 404 from image server");

        RouterControlException e = assertThrows(RouterControlException.class,
                () -> usp.installFirmware(router, new FirmwareImage(IMAGE, "1.5.0")));

        assertEquals("The router could not carry out the command (restart, reset or firmware installation).",
                e.getMessage());
        assertTrue(e.retryable());
        assertEquals("Download failed: 404 from image server", ((UspRequestRefused) e).agentMessage(),
                "the agent's own words are kept for the logs");
    }

    @Test
    void aRouterWithoutTheCommandSaysSoAndIsNotRetried() {
        agent.model().failCommands(UspErrorReasons.INVALID_PATH, "Invalid path: command not in the data model");

        RouterControlException e = assertThrows(RouterControlException.class, () -> usp.reboot(router));

        assertEquals("This router model does not support it.", e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void theFirmwareARouterRunsIsReadFromDeviceInfo() throws Exception {
        assertEquals("1.4.2", usp.firmwareVersion(router));
        assertTrue(usp.isBack(router));
    }

    private Operate onlyOperate() {
        List<Msg> operates = agent.requests(MsgType.OPERATE);
        assertEquals(1, operates.size());
        return operates.get(0).getBody().getRequest().getOperate();
    }
}
