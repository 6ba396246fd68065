package io.homeshield.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditEntry;
import io.homeshield.intel.ProviderIndicator;
import io.homeshield.intel.ProviderIndicatorService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** An analyst blocks a host name for everybody at the provider's resolvers, and sees the zone and its fetches. */
@QuarkusTest
@TestSecurity(user = "rpz-ana", roles = "analyst")
class RpzPagesTest {

    private static final String REASON = "Report 3107: C2 of the router botnet, block for every subscriber";
    private static final Actor SEEDER = new Actor("rpz-seed", "analyst");

    @Inject
    ProviderIndicatorService indicators;

    @Test
    void aHostNameIsBlockedFleetWideWithAReasonAuditedAndInTheZone() {
        String host = "c2-" + UUID.randomUUID().toString().substring(0, 8) + ".rpz-pages.example";
        ProviderIndicator row = indicators.add(host, null, SEEDER, "Seen beaconing from three households");
        String path = "/admin/intel/indicators/" + row.id + "/fleet-wide";
        given().get("/admin/intel?own=" + host).then().statusCode(200).body(containsString(path))
                .body(containsString("Block fleet-wide…"));

        StaffForms.Form form = StaffForms.from(path);
        form.post().formParam("block", "true").formParam("reason", "short").post(path).then().statusCode(400)
                .body(containsString("Nothing was changed")).body(containsString("10 to 500 characters"));
        assertFalse(reload(row).blockFleetWide, "a reason too short changes nothing");

        form.post().formParam("block", "true").formParam("reason", REASON).post(path).then().statusCode(303)
                .header("Location", containsString("done=blocked"));
        ProviderIndicator blocked = reload(row);
        assertTrue(blocked.blockFleetWide);
        assertEquals("rpz-ana", blocked.blockChangedBy);
        assertEquals(1, audit("intel.indicator.block-fleet-wide", "domain:" + host));
        given().get("/admin/intel/rpz/zone").then().statusCode(200)
                .header("Content-Disposition", containsString("homeshield.rpz"))
                .body(containsString("\n" + host + " CNAME .\n*." + host + " CNAME .\n"));
        given().get("/admin/intel?own=" + host).then().statusCode(200).body(containsString("Blocked fleet-wide"))
                .body(containsString("Stop blocking fleet-wide…"));

        form.post().formParam("block", "false").formParam("reason", "Sinkholed by the registrar, lift the block")
                .post(path).then().statusCode(303).header("Location", containsString("done=unblocked"));
        assertFalse(reload(row).blockFleetWide);
        assertEquals(1, audit("intel.indicator.unblock-fleet-wide", "domain:" + host));
        given().get("/admin/intel/rpz/zone").then().statusCode(200).body(not(containsString(host)));
    }

    @Test
    void anAddressCannotBeBlockedAtTheResolvers() {
        // an address no other test sends traffic to, and no longer in force once checked: the detection tests
        // that follow in the same application must not meet it
        ProviderIndicator row = indicators.add("192.0.2." + (1 + (int) (Math.random() * 250)), null, SEEDER,
                "Seen beaconing from three households");
        try {
            String path = "/admin/intel/indicators/" + row.id + "/fleet-wide";
            StaffForms.from(path).post().formParam("block", "true").formParam("reason", REASON).post(path).then()
                    .statusCode(400).body(containsString("Only host names in force can be blocked"));
            assertFalse(reload(row).blockFleetWide);
        } finally {
            indicators.expire(row.id, SEEDER, "checked");
        }
    }

    @Test
    void theIntelPageShowsTheZonesVersionSizeAndEachResolversLastFetch() {
        long serial = Long.parseLong(given().get("/rpz/test-resolver-token-0123456789abcdef/homeshield.rpz").then()
                .statusCode(200).extract().header("ETag").replace("\"", "").split("-")[0]);
        given().get("/admin/intel").then().statusCode(200)
                .body(containsString("Blocked for everybody at the provider&#39;s resolvers"))
                .body(containsString("<dd>" + serial + ", "))
                .body(containsString("<td class=\"mono\">test-resolver</td>"))
                .body(containsString("href=\"/admin/intel/rpz/zone\""));
        given().header("Accept-Language", "de").get("/admin/intel").then().statusCode(200)
                .body(containsString("Für alle gesperrt an den Resolvern des Anbieters"))
                .body(containsString("Letzter Abruf je Resolver"));
    }

    @Test
    void theBlockFormIsInGerman() {
        ProviderIndicator row = indicators.add("c2-" + UUID.randomUUID().toString().substring(0, 8) + ".rpz-de.example",
                null, SEEDER, "Seen beaconing from three households");
        given().header("Accept-Language", "de").get("/admin/intel/indicators/" + row.id + "/fleet-wide").then()
                .statusCode(200).body(containsString("für alle sperren")).body(containsString("lang=\"de\""))
                .body(not(containsString("Block for everybody")));
    }

    private static ProviderIndicator reload(ProviderIndicator row) {
        return QuarkusTransaction.requiringNew().call(() -> ProviderIndicator.findById(row.id));
    }

    private static long audit(String action, String target) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count(
                "action = ?1 and target = ?2 and actor = 'rpz-ana' and actorRole = 'analyst' and reason is not null",
                action, target));
    }
}
