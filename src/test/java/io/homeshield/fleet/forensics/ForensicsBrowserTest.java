package io.homeshield.fleet.forensics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;

import io.homeshield.audit.AuditEntry;
import io.homeshield.enforcement.ActionKind;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.routers.simulated.SimulatedRouters;
import io.homeshield.testsupport.BrowserSession;
import io.homeshield.testsupport.Lanes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The analyst's evidence pages in a browser, in English and German: a reason too short is refused
 * beside its field and nothing is collected; a collection shows up as a snapshot whose page has the
 * three comparisons and a download whose hash is the one shown; every page passes axe.
 */
@QuarkusTest
@Tag(Lanes.BROWSER)
class ForensicsBrowserTest {

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
    void anAnalystCollectsEvidenceFromARouterAndReadsItsSnapshot() throws Exception {
        UUID router = ForensicsTest.routers("HS-Box B" + UUID.randomUUID().toString().substring(0, 6), 1).get(0);
        simulated.setParameter(router, "Device.DNS.Client.Server.1.DNSServer", "203.0.113.66");
        Page page = browser.newPage();
        BrowserSession.signIn(page, site, "/admin/fleet/evidence/routers/" + router, "ana", "analyst", true);
        assertTrue(page.textContent("main").contains("No evidence has been collected from this router yet."));
        BrowserSession.assertAccessible(page, "the router's evidence page");

        page.fill("#reason", "too short");
        page.click("text=Collect evidence now");
        assertTrue(page.textContent("#reason-error").contains("at least 10 characters"));
        assertEquals("true", page.getAttribute("#reason", "aria-invalid"));
        BrowserSession.assertAccessible(page, "the refused collection");
        assertEquals(0L, collections(router), "a refused reason collects nothing");

        page.fill("#reason", "Ticket SEC-12: the router's DNS server was changed");
        page.click("text=Collect evidence now");
        page.waitForURL("**/admin/fleet/evidence/routers/" + router);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            page.reload();
            return page.locator("[data-snapshot]").count() == 1;
        });
        page.click("[data-snapshot] a");
        page.waitForURL("**/admin/fleet/evidence/snapshots/*");
        String sha256 = page.textContent("#snapshot-sha256").strip();
        assertTrue(page.textContent("#previous-diff").contains("This is the router's first snapshot."));
        assertTrue(page.textContent("#baseline-diff").contains("No baseline covers"));
        assertTrue(page.textContent("#norm-diff").contains("Only 1 router of this model and firmware has evidence"));
        assertTrue(page.textContent("#not-collected")
                .contains("Configuration file: this router model cannot export one."));
        BrowserSession.assertAccessible(page, "the snapshot page");
        BrowserSession.screenshot(page, "fleet-evidence-snapshot");

        Download download = page.waitForDownload(() -> page.click("text=Download the snapshot"));
        Path file = download.path();
        assertEquals(sha256, EvidenceFacts.sha256(Files.readAllBytes(file)), "the file is what the page says it is");
        assertTrue(QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list("action",
                "fleet.evidence-download").stream().anyMatch(e -> "ana".equals(e.actor) && e.reason.contains(sha256))));

        Page german = browser.newPage(1280, 900, "de-DE");
        String snapshotUrl = page.url();
        BrowserSession.signIn(german, site, snapshotUrl.substring(snapshotUrl.indexOf("/admin")), "ana", "analyst",
                true);
        assertTrue(german.textContent("#previous-diff").contains("Dies ist die erste Momentaufnahme des Routers."));
        BrowserSession.assertAccessible(german, "the German snapshot page");
    }

    @Test
    void supportAgentsNeitherCollectNorDownload() {
        UUID router = ForensicsTest.routers("HS-Box B" + UUID.randomUUID().toString().substring(0, 6), 1).get(0);
        Page page = browser.newPage();
        BrowserSession.signIn(page, site, "/admin/fleet/evidence/routers/" + router, "sam", "support", true);
        assertEquals(List.of(), page.locator("#reason").all(), "no collection form for support agents");
        assertEquals(0L, collections(router));
    }

    private static long collections(UUID router) {
        return QuarkusTransaction.requiringNew().call(() -> EnforcementAction.count("routerId = ?1 and kind = ?2",
                router, ActionKind.COLLECT_EVIDENCE));
    }
}
