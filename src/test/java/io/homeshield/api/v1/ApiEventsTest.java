package io.homeshield.api.v1;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The household's Server-Sent Events: its own actions and alerts as they change, nobody else's. */
@QuarkusTest
@TestSecurity(user = ApiEventsTest.SUBSCRIBER, roles = "subscriber")
class ApiEventsTest {

    static final String SUBSCRIBER = "api-events-alice";

    @TestHTTPResource("/api/v1/events")
    URL events;

    @Test
    void actionsAndAlertsOfTheHouseholdArriveAsTheyChange() {
        Device camera = Fixtures.device(Fixtures.household(SUBSCRIBER), "ipcam", DeviceType.CAMERA);
        Device theirs = Fixtures.device(Fixtures.household("api-events-bob"), "tv", DeviceType.TV);
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(events.toString())).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> {
            lines.add("status " + response.statusCode());
            response.body().forEach(lines::add);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("status 200"));
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true); // the feed has taken the subscriber on

        String action = given().contentType("application/json").body("{}")
                .when().post("/api/v1/devices/" + camera.id + "/quarantine").then().statusCode(202).extract().path("id");
        Fixtures.alert(camera, "events.example.net");
        io.homeshield.alert.Alert their = Fixtures.alert(theirs, "their.example.net");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(lines, hasItem(org.hamcrest.Matchers.allOf(
                    org.hamcrest.Matchers.containsString("\"kind\":\"action\""),
                    org.hamcrest.Matchers.containsString(action))));
            assertThat(lines, hasItem(org.hamcrest.Matchers.containsString("\"kind\":\"alert\"")));
        });
        assertThat(lines, not(hasItem(org.hamcrest.Matchers.containsString(their.id.toString()))));
        stream.cancel(true);
    }

    @Test
    @TestSecurity
    void withoutATokenTheStreamIsRefused() {
        given().header("Accept", "text/event-stream").when().get("/api/v1/events")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
