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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.household.HouseholdMember;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
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

    @BeforeEach
    void oneHousehold() {
        QuarkusTransaction.requiringNew().run(() -> HouseholdMember.delete("subject", SUBSCRIBER));
    }

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
                .when().post("/api/v1/devices/" + camera.id
                        + "/quarantine").then().statusCode(202).extract().path("id");
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
    void aReconnectWithTheLastEventIdReplaysWhatHappenedMeanwhile() {
        Device camera = Fixtures.device(Fixtures.household(SUBSCRIBER), "ipcam-replay", DeviceType.CAMERA);
        Device theirs = Fixtures.device(Fixtures.household("api-events-carol"), "tv", DeviceType.TV);
        List<String> first = new CopyOnWriteArrayList<>();
        CompletableFuture<?> firstStream = open(null, first);
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        io.homeshield.alert.Alert seen = Fixtures.alert(camera, "seen.example.net");
        await().atMost(Duration.ofSeconds(20)).until(() -> lastId(first) != null
                && first.stream().anyMatch(line -> line.contains(seen.id.toString())));
        String lastId = lastId(first);
        firstStream.cancel(true);

        io.homeshield.alert.Alert missed = Fixtures.alert(camera, "missed.example.net");
        io.homeshield.alert.Alert their = Fixtures.alert(theirs, "their-replay.example.net");
        List<String> second = new CopyOnWriteArrayList<>();
        CompletableFuture<?> secondStream = open(lastId, second);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(second,
                hasItem(org.hamcrest.Matchers.containsString(missed.id.toString()))));
        assertThat(eventAround(second, indexOf(second, missed.id.toString())), hasItem(
                org.hamcrest.Matchers.matchesPattern("id: ?\\d+\\.alert\\." + missed.id + "\\.OPEN")));
        assertThat(eventAround(second, indexOf(second, missed.id.toString())), hasItem(
                org.hamcrest.Matchers.matchesPattern("data: ?\\{\"kind\":\"alert\",\"id\":\"" + missed.id + ".*")));
        assertThat(second, not(hasItem(org.hamcrest.Matchers.containsString(seen.id.toString()))));
        assertThat(second, not(hasItem(org.hamcrest.Matchers.containsString(their.id.toString()))));
        assertThat(second, not(hasItem(org.hamcrest.Matchers.matchesPattern("event: ?reset"))));
        secondStream.cancel(true);

        List<String> stale = new CopyOnWriteArrayList<>();
        CompletableFuture<?> staleStream = open("1000000.alert." + missed.id + ".OPEN", stale);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(stale, hasItem(org.hamcrest.Matchers.matchesPattern("event: ?reset")));
            assertThat(stale, hasItem(org.hamcrest.Matchers.containsString(missed.id.toString())));
        });
        staleStream.cancel(true);
    }

    private CompletableFuture<?> open(String lastEventId, List<String> lines) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(events.toString()))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> {
            lines.add("status " + response.statusCode());
            response.body().forEach(lines::add);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("status 200"));
        return stream;
    }

    private static String lastId(List<String> lines) {
        String id = null;
        for (String line : lines) {
            if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            }
        }
        return id;
    }

    /** The lines of the event the line at {@code index} belongs to (events end with an empty line). */
    private static List<String> eventAround(List<String> lines, int index) {
        int start = index;
        while (start > 0 && !lines.get(start - 1).isEmpty()) {
            start--;
        }
        int end = index;
        while (end < lines.size() && !lines.get(end).isEmpty()) {
            end++;
        }
        return lines.subList(start, end);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    @TestSecurity
    void withoutATokenTheStreamIsRefused() {
        given().header("Accept", "text/event-stream").when().get("/api/v1/events")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
