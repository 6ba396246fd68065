package io.homeshield.fleet.baseline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditEntry;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.enforcement.Reconciler;
import io.homeshield.enforcement.RouterCommands;
import io.homeshield.fleet.CurrentParameter;
import io.homeshield.inventory.Router;
import io.homeshield.inventory.RouterParameterKey;
import io.homeshield.routers.simulated.SimulatedRouters;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A revert rule on a simulated router: the changed DNS server is put back and verified; a dry run changes nothing. */
@QuarkusTest
class RevertRuleTest {

    private static final String DNS = "Device.DNS.Client.Server.1.DNSServer";
    private static final String PROVIDER_DNS = "10.255.0.53";
    private static final String ROGUE_DNS = "203.0.113.66";
    private static final Actor ANALYST = new Actor("revert-analyst", "analyst");

    @Inject
    BaselineService baselines;

    @Inject
    SimulatedRouters simulated;

    @Inject
    RevertPreview preview;

    @Inject
    Reconciler reconciler;

    private TestHousehold home;
    private String model;
    private BaselineParameter rule;

    @BeforeEach
    void routerUnderABaseline() {
        home = Fixtures.household("revert-" + UUID.randomUUID());
        model = "HS-Box 7 R" + UUID.randomUUID().toString().substring(0, 6);
        QuarkusTransaction.requiringNew().run(() -> Router.<Router>findById(home.routerId()).model = model);
        Baseline baseline = baselines.save(model, "", "1.4.2, 1.5.0", ANALYST, "Provider standard configuration");
        rule = baselines.saveParameter(baseline.id, "Device.DNS.Client.Server.{i}.DNSServer", PROVIDER_DNS, false,
                RevertMode.ENFORCE, ANALYST, "DNS must stay on the provider's resolver");
        simulated.setParameter(home.routerId(), DNS, PROVIDER_DNS);
    }

    @Test
    void aChangedDnsServerIsPutBackVerifiedAndTheHouseholdIsTold() {
        simulated.setParameter(home.routerId(), DNS, ROGUE_DNS);
        report(1, ROGUE_DNS);

        EnforcementAction revert = await().atMost(Duration.ofSeconds(20)).until(this::settingsAction,
                a -> a != null && a.state == ActionState.VERIFIED);
        assertEquals(PROVIDER_DNS, simulated.parameter(home.routerId(), DNS));
        assertNull(revert.lastError);
        assertEquals(RevertRules.ACTOR, revert.requestedBy);
        AuditEntry told = activity("router.settings-revert");
        assertEquals("rule", told.actorRole);
        assertEquals("DNS server: 203.0.113.66 → 10.255.0.53", told.target);
        assertTrue(told.reason.contains("10.255.0.53"));
        RevertRecord record = revertRecord();
        assertEquals(revert.id, record.actionId);
        assertEquals(false, record.dryRun);
    }

    @Test
    void aRouterResetToFactorySettingsGetsTheRevertedValueBackFromTheReconciler() {
        simulated.setParameter(home.routerId(), DNS, ROGUE_DNS);
        report(1, ROGUE_DNS);
        await().atMost(Duration.ofSeconds(20)).until(this::settingsAction,
                a -> a != null && a.state == ActionState.VERIFIED);

        simulated.factoryReset(home.routerId());
        assertNull(simulated.parameter(home.routerId(), DNS), "the reset router lost the setting");

        assertTrue(reconciler.reconcileNow() >= 1);
        List<EnforcementAction> actions = settingsActions();
        assertEquals(2, actions.size());
        EnforcementAction again = actions.get(1);
        assertEquals(Actor.SYSTEM.id(), again.requestedBy);
        assertEquals(Map.of(DNS, PROVIDER_DNS), RouterCommands.parametersOf(again));
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(
                () -> EnforcementAction.<EnforcementAction>findById(again.id)).state == ActionState.VERIFIED);
        assertEquals(PROVIDER_DNS, simulated.parameter(home.routerId(), DNS));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("householdId = ?1 and action"
                + " = 'router.settings' and outcome = 'requested' and reason like '%restarted or reset%'",
                home.id().value())), "the household is told in its activity log");

        reconciler.reconcileNow();
        assertEquals(2, settingsActions().size(), "a router that holds its settings is left alone");
    }

    @Test
    void aDryRunListsWhatItWouldDoAndChangesNothing() {
        baselines.saveParameter(rule.baselineId, rule.path, PROVIDER_DNS, false, RevertMode.DRY_RUN, ANALYST,
                "Try the rule before enforcing it");
        simulated.setParameter(home.routerId(), DNS, ROGUE_DNS);
        report(1, ROGUE_DNS);

        RevertRecord record = await().atMost(Duration.ofSeconds(10)).until(this::revertRecord, r -> r != null);
        assertTrue(record.dryRun);
        assertNull(record.actionId);
        assertEquals(ROGUE_DNS, record.foundValue);
        assertEquals(PROVIDER_DNS, record.wantedValue);
        List<RevertPreview.Deviation> wouldDo = QuarkusTransaction.requiringNew().call(() -> preview.preview(
                BaselineParameter.findById(rule.id)));
        assertEquals(1, wouldDo.size());
        assertEquals(new RevertPreview.Deviation(home.routerId(), serial(), DNS, ROGUE_DNS, PROVIDER_DNS, "unknown"),
                wouldDo.get(0));

        assertNull(settingsAction(), "no action was requested");
        assertEquals(ROGUE_DNS, simulated.parameter(home.routerId(), DNS), "the router was not touched");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "householdId = ?1 and action = 'router.settings-revert'", home.id().value())));
    }

    @Test
    void aValueTheBaselineAllowsOrASubscriberMayChangeIsLeftAlone() {
        baselines.saveParameter(rule.baselineId, rule.path, PROVIDER_DNS + ", 10.255.0.54", true, RevertMode.ENFORCE,
                ANALYST, "Subscribers may pick their own resolver");
        report(1, "10.255.0.54");
        Map<String, Object> byUser = Batches.of(home.routerId(), 2).config(DNS, "10.255.0.54", "9.9.9.9").build();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> events = (List<Map<String, Object>>) byUser.get("events");
        events.get(0).put("source", "user");
        post(byUser);

        await().atMost(Duration.ofSeconds(10)).until(() -> "9.9.9.9".equals(currentDns()));
        assertNull(settingsAction());
        assertNull(revertRecord());
    }

    private void report(long sequence, String value) {
        post(Batches.of(home.routerId(), sequence).config(DNS, PROVIDER_DNS, value).build());
    }

    private void post(Map<String, Object> batch) {
        given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret()).contentType(ContentType.JSON)
                .body(batch).when().post("/ingest/v1/batches").then().statusCode(202);
    }

    private EnforcementAction settingsAction() {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.<EnforcementAction>find(
                "routerId = ?1 and kind = ?2", home.routerId(), ActionKind.SET_PARAMETERS).firstResult());
    }

    private List<EnforcementAction> settingsActions() {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.<EnforcementAction>list(
                "routerId = ?1 and kind = ?2 order by requestedAt", home.routerId(), ActionKind.SET_PARAMETERS));
    }

    private RevertRecord revertRecord() {
        return QuarkusTransaction.requiringNew().call(() -> RevertRecord.<RevertRecord>find("routerId", home.routerId())
                .firstResult());
    }

    private AuditEntry activity(String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>find(
                "householdId = ?1 and action = ?2", home.id().value(), action).firstResult());
    }

    private String currentDns() {
        return QuarkusTransaction.requiringNew().call(() -> {
            CurrentParameter current = CurrentParameter.findById(new RouterParameterKey(home.routerId(), DNS));
            return current == null ? null : current.value;
        });
    }

    private String serial() {
        return QuarkusTransaction.requiringNew().call(() -> Router.<Router>findById(home.routerId()).serialNumber);
    }
}
