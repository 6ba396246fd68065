package io.homeshield.lifecycle;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.household.MemberRole;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.path.json.JsonPath;

/** The owner's archive prepared in the background through the API: 202, progress, an expiring download link. */
@QuarkusTest
class ExportJobTest {

    @Inject
    ExportService exports;

    @Test
    @TestSecurity(user = "export-job-owner", roles = "subscriber")
    void theOwnerPollsTheExportAndDownloadsTheCompressedArchive() throws IOException {
        Fixtures.TestHousehold household = Fixtures.newHousehold("export-job-owner");
        Fixtures.device(household, "export-job-laptop", DeviceType.LAPTOP);

        String location = given().when().post("/api/v1/exports").then().statusCode(202)
                .body("state", equalTo("QUEUED")).body("download", nullValue()).extract().header("Location");
        String path = URI.create(location).getPath();
        assertThat(path, containsString("/api/v1/exports/"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "READY".equals(
                given().when().get(path).then().statusCode(200).extract().path("state")));
        JsonPath status = given().when().get(path).then().statusCode(200).body("percent", equalTo(100))
                .extract().jsonPath();
        assertThat(status.getInt("sectionsDone"), equalTo(status.getInt("sectionsTotal")));
        URI download = URI.create(status.getString("download"));
        assertThat(download.getPath(), endsWith("/archive"));

        byte[] gzip = given().when().get(download.getPath() + "?" + download.getRawQuery()).then().statusCode(200)
                .contentType("application/gzip").extract().asByteArray();
        JsonPath archive = new JsonPath(gunzip(gzip));
        assertThat(archive.getString("format"), equalTo("homeshield-export/1"));
        assertThat(archive.getString("household.id"), equalTo(household.id().value().toString()));
        assertThat(archive.getList("devices.hostname"), equalTo(List.of("export-job-laptop")));

        given().when().get(download.getPath() + "?token=not-the-token").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get(download.getPath()).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "export-job-neighbour", roles = "subscriber")
    void anotherHouseholdsOwnerGetsNotFound() {
        Fixtures.TestHousehold other = Fixtures.newHousehold("export-job-other-owner");
        Fixtures.newHousehold("export-job-neighbour");
        ExportJob theirs = exports.request(other.id(), Actor.subscriber("export-job-other-owner"), null);
        await().atMost(Duration.ofSeconds(60)).until(() -> exports.of(other.id(), theirs.id).ready());

        given().when().get("/api/v1/exports/" + theirs.id).then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/exports/" + theirs.id + "/archive?token=" + theirs.linkToken).then()
                .statusCode(404);
    }

    @Test
    @TestSecurity(user = "export-job-member", roles = "subscriber")
    void aMemberMayNotAsk() {
        Fixtures.newHousehold("export-job-member", MemberRole.MEMBER);
        given().when().post("/api/v1/exports").then().statusCode(403).contentType("application/problem+json");
    }

    private static String gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
