package io.homeshield.lifecycle;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditRedaction;
import io.homeshield.audit.AuditVerifier;
import io.homeshield.enforcement.BlockedDomainService;
import io.homeshield.enforcement.EvidenceUploads;
import io.homeshield.enforcement.QuarantineLevel;
import io.homeshield.enforcement.QuarantineService;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.household.Household;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.net.DomainName;
import io.homeshield.net.MacAddress;
import io.homeshield.routers.simulated.SimulatedRouters;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * A household's erasure through the provisioning API: scheduled with a grace period, cancellable
 * until then, then carried out: the routers lose HomeShield's quarantines and blocklists first, and
 * afterwards no table of the database catalogue holds anything of the household or its people but
 * pseudonymised audit entries, and the audit chain still verifies.
 */
@QuarkusTest
@TestSecurity(user = "erasure-crm", roles = "provisioning")
class HouseholdErasureTest {

    @Inject
    DataSource db;

    @Inject
    ErasureJob job;

    @Inject
    ErasureService erasures;

    @Inject
    QuarantineService quarantines;

    @Inject
    BlockedDomainService blocks;

    @Inject
    SimulatedRouters routers;

    @Inject
    AuditVerifier verifier;

    @Inject
    AuditRedaction redaction;

    @Inject
    EvidenceUploads uploads;

    @Test
    void anErasureIsScheduledAfterTheGracePeriodAndCanBeCancelledUntilThen() {
        Fixtures.TestHousehold household = Fixtures.newHousehold("erasure-cancel-owner");
        String path = "/api/provisioning/v1/households/" + household.id().value();

        String location = given().queryParam("reason", "contract ended").when().delete(path).then().statusCode(202)
                .body("state", equalTo("PENDING")).extract().header("Location");
        assertThat(location, endsWith(path + "/erasure"));
        String requestedAt = given().when().get(path + "/erasure").then().statusCode(200).extract().path("requestedAt");
        String dueAt = given().when().get(path + "/erasure").then().statusCode(200).extract().path("dueAt");
        assertThat(Duration.between(Instant.parse(requestedAt), Instant.parse(dueAt)), equalTo(Duration.ofDays(30)));
        given().when().delete(path).then().statusCode(202).body("dueAt", equalTo(dueAt));

        given().queryParam("reason", "contract renewed").when().delete(path + "/erasure").then().statusCode(204);
        given().when().get(path + "/erasure").then().statusCode(404).contentType("application/problem+json");
        job.runOnce();
        given().when().get(path).then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "erasure-support-sam", roles = "support")
    void staffSeeThePendingErasureOnTheHouseholdPage() {
        Fixtures.TestHousehold household = Fixtures.newHousehold("erasure-staff-view-owner");
        given().when().get("/admin/households/" + household.id().value()).then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("erasure-pending")));
        erasures.request(household.id(), Actor.subscriber("erasure-staff-view-owner"), null);
        given().when().get("/admin/households/" + household.id().value()).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("id=\"erasure-pending\""));
        erasures.cancel(household.id(), Actor.subscriber("erasure-staff-view-owner"), null);
    }

    @Test
    void anUnknownHouseholdCannotBeErased() {
        given().when().delete("/api/provisioning/v1/households/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theErasedHouseholdLeavesNothingButPseudonymisedAuditEntries() throws Exception {
        String subject = "erasure-owner-" + UUID.randomUUID();
        Fixtures.TestHousehold household = Fixtures.newHousehold(subject);
        Device camera = Fixtures.device(household, "erasure-cam-" + UUID.randomUUID().toString().substring(0, 8),
                DeviceType.CAMERA);
        Alert alert = Fixtures.alert(camera, "erasure-bad-" + UUID.randomUUID() + ".example");
        String blocked = "erasure-blocked-" + UUID.randomUUID() + ".example";
        Actor owner = Actor.subscriber(subject);
        quarantines.quarantine(household.id(), camera.id, QuarantineLevel.FULL, null, owner, null, null);
        blocks.block(household.id(), DomainName.of(blocked), null, owner, null);
        MacAddress mac = MacAddress.of(camera.mac);
        await().atMost(Duration.ofSeconds(30)).until(() -> routers.denies(household.routerId(), mac)
                && !routers.domainBlocks(household.routerId()).rules().isEmpty());
        String account = QuarkusTransaction.requiringNew()
                .call(() -> Household.<Household>findById(household.id().value()).accountNumber);
        String serial = scalar("select serial_number from router where id = ?", household.routerId());
        // an evidence collection waiting for the router's upload when the household is erased
        uploads.open(new RouterTarget(household.routerId(), serial, "HS-Box", ManagementChannel.SIMULATED, null),
                "Vendor log file messages");

        routers.setReachable(household.routerId(), false);
        given().when().delete("/api/provisioning/v1/households/" + household.id().value()).then().statusCode(202);
        graceOver(household.id().value());
        assertThat("nothing is deleted while the router has not been told", job.runOnce(), equalTo(0));
        assertThat(job.runOnce(), equalTo(0));
        assertThat(scalar("select state from household_erasure where household_id = ?", household.id().value()),
                equalTo("WITHDRAWING"));
        routers.setReachable(household.routerId(), true);
        await().atMost(Duration.ofSeconds(60)).until(() -> job.runOnce() == 1);
        assertThat("the router lost the quarantine", routers.denies(household.routerId(), mac), equalTo(false));
        assertThat("and the blocklist", routers.domainBlocks(household.routerId()).rules(), empty());

        List<String> identifying = List.of(household.id().value().toString(), household.routerId().toString(),
                camera.id.toString(), alert.id.toString(), subject, camera.mac, camera.hostname, account, serial,
                blocked, alert.indicator);
        assertThat("rows in the database that still refer to the household", rowsReferringTo(identifying), empty());
        assertThat("the household's audit entries stay, pseudonymised", pseudonymisedEntries(household.id().value()),
                greaterThan(0L));
        assertThat(verifier.verify().breaks(), empty());
        given().when().get("/api/provisioning/v1/households/" + household.id().value()).then().statusCode(404);
    }

    private void graceOver(UUID household) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement due = c.prepareStatement(
                "update household_erasure set due_at = ? where household_id = ?")) {
            due.setObject(1, java.time.OffsetDateTime.now().minusMinutes(1));
            due.setObject(2, household);
            assertThat(due.executeUpdate(), equalTo(1));
        }
    }

    /** Every table of the catalogue, each row read as text, searched for any of the values. */
    private List<String> rowsReferringTo(List<String> values) throws SQLException {
        String pattern = values.stream().map(HouseholdErasureTest::regexLiteral).collect(Collectors.joining("|"));
        List<String> found = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement list = c.prepareStatement("select table_name from information_schema.tables"
                    + " where table_schema = current_schema() and table_type = 'BASE TABLE'");
                    ResultSet rows = list.executeQuery()) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat("the catalogue was read", tables, hasItem("household"));
            for (String table : tables) {
                try (PreparedStatement scan = c.prepareStatement("select count(*) from " + table
                        + " t where cast(t as text) ~* ?")) {
                    scan.setString(1, pattern);
                    try (ResultSet rows = scan.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            found.add(table + " (" + rows.getLong(1) + ")");
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String regexLiteral(String value) {
        return value.replaceAll("([\\\\.\\[\\]{}()*+?^$|-])", "\\\\$1");
    }

    private long pseudonymisedEntries(UUID household) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement count = c.prepareStatement("select count(*) from"
                + " audit_entry where household_id = ? and redacted_at is not null")) {
            count.setObject(1, redaction.pseudonymOf(household));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private String scalar(String sql, UUID id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, id);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }
}
