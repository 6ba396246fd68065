package io.homeshield.fleet.remediation;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.routers.simulated.SimulatedRouters;
import io.homeshield.testsupport.BrowserSession;
import io.homeshield.testsupport.Lanes;
import io.homeshield.testsupport.TestDatabase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A restart job over 2,000 simulated routers, driven from the analyst's pages: the dry run lists
 * them, the canary wave and the waves go out, injected failures (routers that cannot be reached,
 * routers that do not come back) make the job halt itself, the progress bar shows the counts the
 * database holds, and resuming carries on without sending anything to a router that is done.
 */
@QuarkusTest
@Tag(Lanes.BROWSER)
class RemediationJobBrowserTest {

    private static final int ROUTERS = 2_000;
    private static final int CANARY = 20;
    private static final int WAVE = 200;
    /** Wave three (positions 220–419) holds the broken routers: 30 unreachable, 20 that stay down. */
    private static final int UNREACHABLE_FROM = 250;
    private static final int UNREACHABLE = 30;
    private static final int STAY_DOWN_FROM = 300;
    private static final int STAY_DOWN = 20;

    private static BrowserSession browser;

    @TestHTTPResource("/")
    URL site;

    @Inject
    SimulatedRouters simulated;

    @BeforeAll
    static void launch() {
        browser = BrowserSession.launch();
    }

    @AfterAll
    static void close() {
        browser.close();
    }

    @Test
    void aJobRunsCanaryThenWavesHaltsOnFailuresAndResumesWithoutRepeatingDoneRouters() throws Exception {
        String model = "HS-Box 5 J" + UUID.randomUUID().toString().substring(0, 6);
        List<UUID> routers = fleet(model);
        for (int i = 0; i < UNREACHABLE; i++) {
            simulated.setReachable(routers.get(UNREACHABLE_FROM + i), false);
        }
        for (int i = 0; i < STAY_DOWN; i++) {
            simulated.staysDownAfterRestart(routers.get(STAY_DOWN_FROM + i));
        }
        Page page = browser.newPage();
        BrowserSession.signIn(page, site, "/admin/fleet/remediation/new", "ana", "analyst", true);

        page.selectOption("#kind", "REBOOT");
        page.fill("#model", model);
        page.fill("#canary", String.valueOf(CANARY));
        page.fill("#waveSize", String.valueOf(WAVE));
        page.fill("#waveSeconds", "0");
        page.fill("#maxFailurePercent", "10");
        page.click("text=Dry run: list the routers");
        assertTrue(page.textContent("#dry-run-summary").contains("2000"), page.textContent("#dry-run-summary"));
        assertEquals("Dry run: 2000 routers in 11 waves", page.textContent("#preview-title"));
        assertEquals(0L, restartActions(routers), "the dry run sent nothing");
        assertEquals(List.of(), BrowserSession.seriousAccessibilityViolations(page));

        page.fill("#reason", "Ticket SEC-7: restart after the rogue DNS campaign");
        page.click("text=Start the job");
        page.waitForURL("**/admin/fleet/remediation/*");
        UUID jobId = UUID.fromString(page.url().substring(page.url().lastIndexOf('/') + 1));

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> job(jobId).state
                != JobState.RUNNING);
        RemediationJob halted = job(jobId);
        assertEquals(JobState.HALTED, halted.state, "the job halted itself");
        assertEquals(3, halted.wavesStarted, "canary, wave 2, and the failing wave 3; nothing after");
        assertTrue(halted.haltReason.startsWith("Halted itself"), halted.haltReason);
        // Routers of the failing wave still reporting when the job halted settle afterwards.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(()
                -> progress(jobId).running() == 0);
        JobProgress atHalt = progress(jobId);
        assertEquals(new JobProgress(ROUTERS - 420, 0, 420 - UNREACHABLE - STAY_DOWN, UNREACHABLE, STAY_DOWN), atHalt);
        assertEquals(CANARY, wave(jobId, 1));

        page.reload();
        assertCounts(page, atHalt);
        assertTrue(page.textContent("[data-field=haltReason]").contains("Halted itself"));
        assertEquals(List.of(), BrowserSession.seriousAccessibilityViolations(page));
        BrowserSession.screenshot(page, "fleet-remediation-halted");

        for (int i = 0; i < UNREACHABLE; i++) {
            simulated.setReachable(routers.get(UNREACHABLE_FROM + i), true);
        }
        page.fill("#reason", "The access network outage is fixed; carry on");
        page.click("text=Resume where it stopped");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1)).until(() -> job(jobId).state
                == JobState.COMPLETED);
        JobProgress finished = progress(jobId);
        assertEquals(new JobProgress(0, 0, ROUTERS - UNREACHABLE - STAY_DOWN, UNREACHABLE, STAY_DOWN), finished);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertCounts(page, finished));
        assertEquals("Completed", page.textContent("[data-field=state]"));
        BrowserSession.screenshot(page, "fleet-remediation-completed");

        for (int i = 0; i < ROUTERS; i++) {
            boolean unreachable = i >= UNREACHABLE_FROM && i < UNREACHABLE_FROM + UNREACHABLE;
            assertEquals(unreachable ? 0 : 1, simulated.restarts(routers.get(i)),
                    "router " + i + " was restarted exactly once (or never, while unreachable)");
        }
        assertEquals(ROUTERS, restartActions(routers), "one command per router, none repeated after the resume");
    }

    private static void assertCounts(Page page, JobProgress expected) {
        assertEquals(String.valueOf(expected.done()), page.textContent("[data-count=done]"));
        assertEquals(String.valueOf(expected.failed()), page.textContent("[data-count=failed]"));
        assertEquals(String.valueOf(expected.notBack()), page.textContent("[data-count=notBack]"));
        assertEquals(String.valueOf(expected.running()), page.textContent("[data-count=running]"));
        assertEquals(String.valueOf(expected.pending()), page.textContent("[data-count=pending]"));
        assertEquals(String.valueOf(expected.total()), page.textContent("[data-count=total]"));
        double donePercent = Double.parseDouble(page.getAttribute("[data-segment=done]", "width"));
        assertEquals(100.0 * expected.done() / expected.total(), donePercent, 0.01);
    }

    /** 2,000 routers of the model in 200 households, serials in the order the job reaches them. */
    private static List<UUID> fleet(String model) throws Exception {
        List<UUID> routers = new ArrayList<>(ROUTERS);
        Timestamp now = Timestamp.from(Instant.now());
        String run = model.substring(model.length() - 6);
        try (Connection db = TestDatabase.connect()) {
            db.setAutoCommit(false);
            try (PreparedStatement h = db.prepareStatement("insert into household (id, account_number, display_name,"
                    + " kind, created_at) values (?, ?, ?, 'HOME', ?)");
                    PreparedStatement r = db.prepareStatement("insert into router (id, household_id, serial_number,"
                            + " model, firmware, channel, created_at) values (?, ?, ?, ?, '2.1.8', 'SIMULATED', ?)")) {
                UUID household = null;
                for (int i = 0; i < ROUTERS; i++) {
                    if (i % 10 == 0) {
                        household = UUID.randomUUID();
                        h.setObject(1, household);
                        h.setString(2, "RJ-" + run + "-" + i);
                        h.setString(3, "Remediation household " + i);
                        h.setTimestamp(4, now);
                        h.addBatch();
                    }
                    UUID router = UUID.randomUUID();
                    routers.add(router);
                    r.setObject(1, router);
                    r.setObject(2, household);
                    r.setString(3, String.format("RJ%s-%05d", run, i));
                    r.setString(4, model);
                    r.setTimestamp(5, now);
                    r.addBatch();
                }
                h.executeBatch();
                r.executeBatch();
            }
            db.commit();
        }
        return routers;
    }

    private static RemediationJob job(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> RemediationJob.findById(id));
    }

    private static JobProgress progress(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> JobProgress.of(RemediationTarget.getEntityManager()
                .createQuery("select t.state, count(t) from RemediationTarget t where t.key.jobId = ?1 group by "
                        + "t.state",
                        Object[].class).setParameter(1, id).getResultList()));
    }

    private static long wave(UUID id, int wave) {
        return QuarkusTransaction.requiringNew().call(() -> RemediationTarget.count("key.jobId = ?1 and wave = ?2", id,
                wave));
    }

    private static long restartActions(List<UUID> routers) {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.count("routerId in ?1 and kind = ?2",
                routers, ActionKind.REBOOT));
    }

}
