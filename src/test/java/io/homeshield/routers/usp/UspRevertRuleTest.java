package io.homeshield.routers.usp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.fleet.baseline.Baseline;
import io.homeshield.fleet.baseline.BaselineParameter;
import io.homeshield.fleet.baseline.BaselineService;
import io.homeshield.fleet.baseline.RevertMode;
import io.homeshield.fleet.baseline.RevertPreview;
import io.homeshield.fleet.baseline.RevertRecord;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.routers.usp.proto.UspMsgProto.Header.MsgType;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.Lanes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A revert rule on a router managed over USP: the agent reports the changed DNS server (ValueChange),
 * the rule puts it back with a Set on that parameter, and a Get confirms it; in dry-run mode nothing
 * is sent.
 */
@QuarkusTest
@TestProfile(UspEnabledProfile.class)
@Tag(Lanes.BROKER)
class UspRevertRuleTest {

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final String PROVIDER_DNS = "10.255.0.53";
    private static final String ROGUE_DNS = "203.0.113.66";
    private static final Actor ANALYST = new Actor("usp-revert-analyst", "analyst");

    @Inject
    UspConfig config;

    @Inject
    UspRouterControl usp;

    @Inject
    BaselineService baselines;

    @Inject
    RevertPreview preview;

    private UspTestAgent agent;
    private TestHousehold home;
    private BaselineParameter rule;

    @BeforeEach
    void uspRouterUnderABaseline() throws Exception {
        String endpointId = UspTestSettings.agentEndpointId();
        agent = new UspTestAgent(config.brokerUrl(), endpointId,
                config.agentTopic().replace("{endpointId}", endpointId),
                config.controllerEndpointId(), config.controllerTopic()).start();
        agent.model().put(AgentDataModel.DNS_SERVERS, Map.of("Enable", "true", "DNSServer", PROVIDER_DNS));
        home = Fixtures.household("usp-revert-" + endpointId);
        String model = "HS-Box 7 U" + UUID.randomUUID().toString().substring(0, 6);
        QuarkusTransaction.requiringNew().run(() -> {
            Router router = Router.findById(home.routerId());
            router.channel = ManagementChannel.USP;
            router.managementAddress = endpointId;
            router.model = model;
        });
        Baseline baseline = baselines.save(model, "", "1.4.2", ANALYST, "Provider standard configuration");
        rule = baselines.saveParameter(baseline.id, "Device.DNS.Client.Server.{i}.DNSServer", PROVIDER_DNS, false,
                RevertMode.ENFORCE, ANALYST, "DNS must stay on the provider's resolver");
        usp.watchDnsServers(new RouterTarget(home.routerId(), "SN", model, ManagementChannel.USP, endpointId));
    }

    @AfterEach
    void stopAgent() throws Exception {
        assertEquals(List.of(), agent.violations());
        agent.close();
    }

    @Test
    void aDnsServerChangedOnTheRouterIsSetBackAndReadBack() {
        agent.change(AgentDataModel.DNS_SERVERS, 1, "DNSServer", ROGUE_DNS);

        EnforcementAction revert = await().atMost(SOON).until(this::settingsAction,
                a -> a != null && a.state == ActionState.VERIFIED);
        assertNull(revert.lastError);
        assertEquals(PROVIDER_DNS, agent.model().rows(AgentDataModel.DNS_SERVERS).get(1).get("DNSServer"));
        List<Msg> sets = agent.requests(MsgType.SET);
        assertEquals(1, sets.size());
        var object = sets.get(0).getBody().getRequest().getSet().getUpdateObjs(0);
        assertEquals("Device.DNS.Client.Server.1.", object.getObjPath());
        assertEquals("DNSServer", object.getParamSettings(0).getParam());
        assertEquals(PROVIDER_DNS, object.getParamSettings(0).getValue());
        assertTrue(agent.requests(MsgType.GET).stream().anyMatch(get -> get.getBody().getRequest().getGet()
                .getParamPathsList().contains("Device.DNS.Client.Server.1.")), "the value was read back");
    }

    @Test
    void inDryRunTheRuleOnlyListsTheRouterAndSendsNothing() {
        baselines.saveParameter(rule.baselineId, rule.path, PROVIDER_DNS, false, RevertMode.DRY_RUN, ANALYST,
                "Try the rule before enforcing it");

        agent.change(AgentDataModel.DNS_SERVERS, 1, "DNSServer", ROGUE_DNS);

        RevertRecord record = await().atMost(SOON).until(() -> QuarkusTransaction.requiringNew().call(
                () -> RevertRecord.<RevertRecord>find("routerId", home.routerId()).firstResult()), r -> r != null);
        assertTrue(record.dryRun);
        List<RevertPreview.Deviation> wouldDo = QuarkusTransaction.requiringNew().call(
                () -> preview.preview(BaselineParameter.findById(rule.id)));
        assertEquals(1, wouldDo.size());
        assertEquals(ROGUE_DNS, wouldDo.get(0).found());
        assertEquals(PROVIDER_DNS, wouldDo.get(0).wouldSet());
        assertNull(settingsAction());
        assertEquals(List.of(), agent.requests(MsgType.SET));
        assertEquals(ROGUE_DNS, agent.model().rows(AgentDataModel.DNS_SERVERS).get(1).get("DNSServer"));
    }

    private EnforcementAction settingsAction() {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.<EnforcementAction>find(
                "routerId = ?1 and kind = ?2", home.routerId(), ActionKind.SET_PARAMETERS).firstResult());
    }
}
