package io.homeshield.fleet.forensics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditEntry;
import io.homeshield.enforcement.ActionState;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.fleet.baseline.Baseline;
import io.homeshield.fleet.baseline.BaselineService;
import io.homeshield.fleet.baseline.RevertMode;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdKind;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.routers.simulated.SimulatedRouters;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Evidence from simulated routers: each collection is stored compressed with its SHA-256 in the
 * audit log, and the three comparisons name what an intruder changed — against the baseline, against
 * the router's previous snapshot, and against the other routers of its model.
 */
@QuarkusTest
class ForensicsTest {

    private static final String DNS = "Device.DNS.Client.Server.1.DNSServer";
    private static final String PROVIDER_DNS = "10.255.0.53";
    private static final String ROGUE_DNS = "203.0.113.66";
    private static final Actor ANA = new Actor("ana", "analyst");

    @Inject
    SimulatedRouters simulated;

    @Inject
    ForensicsService forensics;

    @Inject
    FleetNorm norm;

    @Inject
    BaselineService baselines;

    @Test
    void aSnapshotIsStoredWithItsHashAuditedAndTheThreeComparisonsNameWhatTheIntruderChanged() {
        String model = "HS-Box F" + UUID.randomUUID().toString().substring(0, 6);
        List<UUID> routers = routers(model, 6);
        for (int i = 0; i < routers.size(); i++) {
            UUID router = routers.get(i);
            simulated.setParameter(router, DNS, PROVIDER_DNS);
            simulated.setParameter(router, "Device.DeviceInfo.SerialNumber", "SN-F-" + i);
            simulated.setParameter(router, "Device.Users.User.1.Username", "admin");
        }
        UUID suspect = routers.get(0);
        simulated.setParameter(suspect, "Device.Users.User.2.Username", "support");
        simulated.writeLogFile(suspect, "messages", "dropbear[812]: Password auth succeeded for 'support'\n");
        Baseline baseline = baselines.save(model, "2.1.8", "2.1.8", ANA, "Ticket SEC-9: baseline for the test model");
        baselines.saveParameter(baseline.id, "Device.DNS.Client.Server.{i}.DNSServer", PROVIDER_DNS, false,
                RevertMode.DRY_RUN, ANA, "Ticket SEC-9: the provider's resolver");

        for (UUID router : routers) {
            collectAndWait(router);
        }
        EvidenceSnapshot first = latest(suspect);
        FleetNorm.Comparison clean = QuarkusTransaction.requiringNew().call(() -> norm.of(first));
        assertFalse(clean.tooFew());
        assertEquals(List.of(new FleetNorm.UnusualFact("Device.Users.User.{i}.Username", "support", 1, 6)),
                clean.unusual(), "the extra account is unusual; serial numbers are identities, not anomalies");

        simulated.setParameter(suspect, DNS, ROGUE_DNS);
        UUID action = collectAndWait(suspect);
        EvidenceSnapshot second = latest(suspect);
        assertEquals(action, second.actionId);

        byte[] content = QuarkusTransaction.requiringNew().call(() -> forensics.download(second, ANA));
        assertEquals(second.sha256, EvidenceFacts.sha256(content), "the stored file is what its hash says");
        assertEquals(content.length, second.storedBytes);
        EvidenceDocument document = EvidenceDocument.read(content);
        assertEquals(ROGUE_DNS, document.parameters().get(DNS));
        assertTrue(document.files().get("Vendor log file messages").contains("'support'"));
        assertEquals(List.of("Configuration file: this router model cannot export one."), document.notCollected());
        assertTrue(audited("fleet.evidence-stored", "SHA-256 " + second.sha256), "the hash is in the audit log");
        assertTrue(audited("fleet.evidence-download", "SHA-256 " + second.sha256), "the download is audited");
        assertTrue(audited("fleet.evidence-collect", "Ticket SEC-9: the router is suspected"));

        List<DiffRow> sincePrevious = QuarkusTransaction.requiringNew().call(() -> DiffRow.between(
                forensics.document(forensics.previous(second).orElseThrow()).parameters(), document.parameters()));
        assertEquals(List.of(new DiffRow(DNS, PROVIDER_DNS, ROGUE_DNS)), sincePrevious);
        List<BaselineDeviation> deviations = BaselineDeviation.of(document.parameters(),
                QuarkusTransaction.requiringNew().call(()
                        -> baselines.forRouter(model, "2.1.8").orElseThrow().parameters()));
        assertEquals(List.of(new BaselineDeviation(DNS, ROGUE_DNS, PROVIDER_DNS)), deviations);
        FleetNorm.Comparison now = QuarkusTransaction.requiringNew().call(() -> norm.of(second));
        assertEquals(List.of(new FleetNorm.UnusualFact("Device.DNS.Client.Server.{i}.DNSServer", ROGUE_DNS, 1, 6),
                new FleetNorm.UnusualFact("Device.Users.User.{i}.Username", "support", 1, 6)), now.unusual(),
                "only the router's newest snapshot counts in the norm");
        assertFalse(QuarkusTransaction.requiringNew().call(()
                -> EvidenceSnapshot.<EvidenceSnapshot>findById(first.id).latest));
    }

    @Test
    void aRouterThatCannotBeReachedEndsInAFailedCollectionAndNoSnapshot() {
        UUID router = routers("HS-Box F" + UUID.randomUUID().toString().substring(0, 6), 1).get(0);
        simulated.setReachable(router, false);
        UUID action = QuarkusTransaction.requiringNew().call(() -> forensics.collect(router, ANA,
                "Ticket SEC-9: the router is suspected").id);
        await().atMost(Duration.ofSeconds(60)).until(() -> state(action) == ActionState.FAILED);
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> EvidenceSnapshot.count("routerId", router)));
        List<EnforcementAction> unfinished = QuarkusTransaction.requiringNew()
                .call(() -> forensics.collectionsWithoutSnapshot(router));
        assertEquals(1, unfinished.size());
        assertTrue(unfinished.get(0).lastError.contains("did not answer"), unfinished.get(0).lastError);
    }

    private UUID collectAndWait(UUID router) {
        UUID action = QuarkusTransaction.requiringNew().call(() -> forensics.collect(router, ANA,
                "Ticket SEC-9: the router is suspected").id);
        await().atMost(Duration.ofSeconds(30)).until(() -> state(action) == ActionState.VERIFIED);
        return action;
    }

    private static ActionState state(UUID action) {
        return QuarkusTransaction.requiringNew().call(()
                -> EnforcementAction.<EnforcementAction>findById(action).state);
    }

    private static EvidenceSnapshot latest(UUID router) {
        return QuarkusTransaction.requiringNew().call(() -> EvidenceSnapshot.<EvidenceSnapshot>find(
                "routerId = ?1 and latest = true", router).singleResult());
    }

    private static boolean audited(String action, String text) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list("action", action).stream()
                .anyMatch(e -> e.reason != null && e.reason.contains(text)));
    }

    /** Routers of one model in households of their own. */
    static List<UUID> routers(String model, int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Household household = new Household("F-" + UUID.randomUUID().toString().substring(0, 12),
                        "Forensics household " + i, HouseholdKind.HOME, Instant.now());
                household.persist();
                Router router = new Router(household.householdId(), "SNF-"
                        + UUID.randomUUID().toString().substring(0, 10),
                        model, "2.1.8", ManagementChannel.SIMULATED, null, Instant.now());
                router.persist();
                ids.add(router.id);
            }
            return ids;
        });
    }
}
