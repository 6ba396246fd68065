package io.homeshield.intel.rpz;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertType;
import io.homeshield.audit.Actor;
import io.homeshield.enforcement.BlockedLookups;
import io.homeshield.intel.ProviderIndicator;
import io.homeshield.intel.ProviderIndicatorService;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A household learns that the provider's resolver stopped its device: the router's DNS telemetry
 * shows NXDOMAIN for a name an analyst blocked fleet-wide (the zone's policy in tests is NXDOMAIN),
 * while NXDOMAIN for a name outside the zone, or for a name no longer in it, is no stop.
 */
@QuarkusTest
class ResolverStopTest {

    private static final Actor ANALYST = new Actor("analyst-stop-test", "analyst");

    @Inject
    ProviderIndicatorService indicators;

    @Inject
    ZoneMembership membership;

    @Inject
    BlockedLookups blockedLookups;

    @Test
    void nxdomainForANameInTheZoneIsAStopAndAnyOtherNxdomainIsNot() {
        String blocked = "c2-" + UUID.randomUUID().toString().substring(0, 8) + ".stop-test.example";
        String missing = "typo-" + UUID.randomUUID().toString().substring(0, 8) + ".stop-test.example";
        String unblocked = "c2-" + UUID.randomUUID().toString().substring(0, 8) + ".stop-test.example";
        ProviderIndicator row = indicators.add(blocked, null, ANALYST, "C&C server of a campaign");
        indicators.blockFleetWide(row.id, true, ANALYST, "block for every subscriber");
        ProviderIndicator other = indicators.add(unblocked, null, ANALYST, "C&C server, blocked for a day");
        indicators.blockFleetWide(other.id, true, ANALYST, "block for every subscriber");
        indicators.blockFleetWide(other.id, false, ANALYST, "the server is gone");
        membership.refresh();
        try {
            TestHousehold home = Fixtures.household("stop-" + UUID.randomUUID());
            String camera = Fixtures.randomMac().toString();
            ingest(home, Batches.of(home.routerId(), 1).host(camera, "192.168.1.30", "ipcam", true)
                    .raw(nxdomain(camera, "beacon." + blocked)).raw(nxdomain(camera, missing))
                    .raw(nxdomain(camera, unblocked)).build());

            await().atMost(Duration.ofSeconds(30)).until(() -> stops(home).size() == 1);
            Alert stop = stops(home).get(0);
            assertEquals("beacon." + blocked, stop.indicator);
            assertEquals(List.of(stop.id), stops(home).stream().map(alert -> alert.id).toList(),
                    "only the name in the zone is a stop");
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            assertEquals(1L, blockedLookups.perDay(home.id(), today.minusDays(1), today).values().stream()
                    .mapToLong(Long::longValue).sum(), "the household's weekly figure counts the same stop");
        } finally {
            indicators.blockFleetWide(row.id, false, ANALYST, "test done");
            membership.refresh();
        }
    }

    private static List<Alert> stops(TestHousehold home) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>list("routerId = ?1 and type = ?2",
                home.routerId(), AlertType.STOPPED_BY_RESOLVER.name()));
    }

    private static Map<String, Object> nxdomain(String mac, String name) {
        return Map.of("type", "dns", "mac", mac, "query", name, "qtype", "A", "rcode", "NXDOMAIN", "answers",
                List.of());
    }

    private static void ingest(TestHousehold home, Map<String, Object> batch) {
        given().auth().preemptive().basic(home.routerId().toString(), home.routerSecret()).contentType(ContentType.JSON)
                .body(batch).when().post("/ingest/v1/batches").then().statusCode(202);
    }
}
