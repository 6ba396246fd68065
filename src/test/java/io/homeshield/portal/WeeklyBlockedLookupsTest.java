package io.homeshield.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.homeshield.enforcement.BlockedDomain;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Batches;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@TestSecurity(user = "portal-week-blocked-carol", roles = "subscriber")
class WeeklyBlockedLookupsTest {

    @Test
    void lookupsTheRouterRefusedForABlockedDomainAreCountedAndNothingElseIs() {
        TestHousehold carols = Fixtures.newHousehold("portal-week-blocked-carol");
        Device tablet = Fixtures.device(carols, "week-carols-tablet", DeviceType.TABLET);
        String blocked = "games-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        block(carols, blocked);
        TestHousehold daves = Fixtures.newHousehold("portal-week-blocked-dave-" + UUID.randomUUID());
        Device davesPc = Fixtures.device(daves, "week-daves-pc", DeviceType.DESKTOP);
        block(daves, blocked);

        post(carols, Batches.of(carols.routerId(), 1)
                // stopped by the router: the blocked domain and a name under it
                .dnsAnswered(tablet.mac, blocked, "NXDOMAIN")
                .dnsAnswered(tablet.mac, "cdn." + blocked, "NXDOMAIN")
                .dns(tablet.mac, "www." + blocked, "0.0.0.0")
                // not stopped by a block: a typo, and the blocked name answered before the block reached the router
                .dnsAnswered(tablet.mac, "wikipedai-" + UUID.randomUUID().toString().substring(0, 6) + ".org",
                        "NXDOMAIN")
                .dns(tablet.mac, blocked, "203.0.113.80"));
        post(daves, Batches.of(daves.routerId(), 1).dnsAnswered(davesPc.mac, blocked, "NXDOMAIN")
                .dnsAnswered(davesPc.mac, blocked, "NXDOMAIN"));
        // a resent batch changes nothing (answered 200: already stored)
        post(carols, Batches.of(carols.routerId(), 1).dnsAnswered(tablet.mac, blocked, "NXDOMAIN"), 200);

        given().get("/portal/week").then().statusCode(200).body(allOf(
                containsString("Lookups blocked"),
                containsString("data-figure=\"blocked-lookups\">3<"),
                containsString("data-figure=\"lookups\">5<")));
    }

    private static void block(TestHousehold household, String domain) {
        QuarkusTransaction.requiringNew().run(() -> {
            BlockedDomain block = new BlockedDomain();
            block.id = UUID.randomUUID();
            block.householdId = household.id().value();
            block.domain = domain;
            block.createdBy = "test";
            block.createdAt = Instant.now();
            block.persist();
        });
    }

    private static void post(TestHousehold household, Batches batch) {
        post(household, batch, 202);
    }

    private static void post(TestHousehold household, Batches batch, int status) {
        given().auth().preemptive().basic(household.routerId().toString(), household.routerSecret())
                .contentType(ContentType.JSON).body(batch.build())
                .when().post("/ingest/v1/batches").then().statusCode(status);
    }
}
