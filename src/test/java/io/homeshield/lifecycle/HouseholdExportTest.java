package io.homeshield.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.household.MemberRole;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** The owner's download of everything HomeShield holds about the household, through the API and the portal. */
@QuarkusTest
class HouseholdExportTest {

    private static final String OWNER = "export-owner-anna";
    private static final String NEIGHBOUR = "export-neighbour-bob";

    @Inject
    DataSource db;

    @Test
    @TestSecurity(user = OWNER, roles = "subscriber")
    void theOwnerGetsTheWholeHouseholdAndNothingOfAnother() throws SQLException {
        Fixtures.TestHousehold household = Fixtures.newHousehold(OWNER);
        Device phone = Fixtures.device(household, "annas-phone", DeviceType.PHONE);
        Fixtures.alert(phone, "bad.example");
        rollups(phone);
        Fixtures.TestHousehold neighbour = Fixtures.newHousehold(NEIGHBOUR);
        Device tv = Fixtures.device(neighbour, "bobs-tv", DeviceType.TV);
        Fixtures.alert(tv, "other-bad.example");
        rollups(tv);

        String body = given().when().get("/api/v1/export").then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("Content-Disposition", containsString("attachment; filename=\"homeshield-export-"))
                .extract().asString();
        JsonPath archive = new JsonPath(body);

        assertThat(archive.getString("format"), equalTo("homeshield-export/1"));
        assertThat(archive.getString("household.id"), equalTo(household.id().value().toString()));
        assertThat(archive.getList("members.subject"), equalTo(List.of(OWNER)));
        assertThat(archive.getList("devices.hostname"), equalTo(List.of("annas-phone")));
        assertThat(archive.getList("routers.id"), equalTo(List.of(household.routerId().toString())));
        assertThat("the router's credential stays out", archive.getMap("routers[0]").containsKey("credential_hash"),
                equalTo(false));
        assertThat(archive.getMap("routers[0]").containsKey("serial_number"), equalTo(true));
        assertThat(archive.getList("alerts.indicator"), equalTo(List.of("bad.example")));
        assertThat(archive.getList("traffic_hourly.bytes_out"), equalTo(List.of(1234)));
        assertThat(archive.getList("traffic_daily.destination"), equalTo(List.of("video.example")));
        assertThat("nothing of the neighbour's household", body,
                not(containsString(neighbour.id().value().toString())));
        assertThat(body, not(containsString("bobs-tv")));
        assertThat(body, not(containsString("other-bad.example")));
        assertThat(body, not(containsString(tv.id.toString())));
    }

    @Test
    @TestSecurity(user = "export-coadmin-carl", roles = "subscriber")
    void aCoAdminMayNotDownloadTheHouseholdsData() {
        Fixtures.newHousehold("export-coadmin-carl", MemberRole.CO_ADMIN);
        given().when().get("/api/v1/export").then().statusCode(403).contentType("application/problem+json");
        given().when().get("/portal/settings").then().statusCode(200).body(not(containsString("export-download")));
        given().when().get("/portal/settings/export").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "export-member-mia", roles = "subscriber")
    void aMemberMayNotDownloadTheHouseholdsData() {
        Fixtures.newHousehold("export-member-mia", MemberRole.MEMBER);
        given().when().get("/api/v1/export").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "export-portal-paula", roles = "subscriber")
    void theOwnerDownloadsFromTheSettingsPage() {
        Fixtures.TestHousehold household = Fixtures.newHousehold("export-portal-paula");
        given().when().get("/portal/settings").then().statusCode(200)
                .body(containsString("id=\"export-download\" href=\"/portal/settings/export\""));
        String body = given().when().get("/portal/settings/export").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment")).extract().asString();
        assertThat(new JsonPath(body).getString("household.id"), equalTo(household.id().value().toString()));
    }

    @Test
    void everyTableHoldingHouseholdDataIsInTheArchiveOrSaysWhyNot() throws SQLException {
        Set<String> exported = ExportSections.SECTIONS.stream().map(ExportSection::table).collect(Collectors.toSet());
        Set<String> referring = new TreeSet<>();
        try (Connection c = db.getConnection(); PreparedStatement tables = c.prepareStatement(
                "select distinct table_name from information_schema.columns where table_schema = current_schema()"
                        + " and column_name in ('household_id', 'device_id', 'router_id', 'alert_id', 'block_id',"
                        + " 'delivery_id', 'webhook_id', 'mac', 'subject')")) {
            try (ResultSet rows = tables.executeQuery()) {
                while (rows.next()) {
                    referring.add(rows.getString(1));
                }
            }
        }
        assertThat("the schema was read", referring, hasItem("device"));
        List<String> unaccounted = new ArrayList<>();
        for (String table : referring) {
            // a day's partition is its table's (PostgreSQL lists it as a table of its own)
            boolean partition = table.matches(".+_(default|p\\d{8})")
                    && referring.contains(table.substring(0, table.lastIndexOf('_')));
            if (!partition && !exported.contains(table) && !ExportSections.LEFT_OUT.containsKey(table)) {
                unaccounted.add(table);
            }
        }
        assertThat("tables referring to a household that the archive neither holds nor explains", unaccounted, empty());
        List<String> gone = new ArrayList<>(ExportSections.LEFT_OUT.keySet());
        gone.removeAll(referring);
        assertThat("tables said to be left out that no longer refer to a household", gone, empty());
    }

    @Test
    @TestSecurity(user = "export-nobody", roles = "subscriber")
    void someoneInNoHouseholdGetsNoArchive() {
        given().when().get("/api/v1/export").then().statusCode(403).contentType("application/problem+json");
    }

    private void rollups(Device device) throws SQLException {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        try (Connection c = db.getConnection()) {
            try (PreparedStatement hourly = c.prepareStatement("insert into device_activity (device_id, bucket_start,"
                    + " bytes_out, bytes_in, flows, lookups) values (?, ?, 1234, 10, 1, 1)")) {
                hourly.setObject(1, device.id);
                hourly.setObject(2, OffsetDateTime.ofInstant(hour, ZoneOffset.UTC));
                hourly.executeUpdate();
            }
            try (PreparedStatement daily = c.prepareStatement("insert into device_destination (device_id, activity_day,"
                    + " destination, bytes, connections) values (?, ?, ?, 1234, 1)")) {
                daily.setObject(1, device.id);
                daily.setObject(2, LocalDate.ofInstant(hour, ZoneOffset.UTC));
                daily.setString(3, device.hostname.equals("bobs-tv") ? "tv-stream.example" : "video.example");
                daily.executeUpdate();
            }
        }
    }
}
