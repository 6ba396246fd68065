package io.homeshield.api.v1;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertStatus;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.webhook.WebhookDelivery;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

/**
 * Lists longer than a page, with many items sharing their sort value (the same time, the same name):
 * following the next links gives every item exactly once, in order, whatever the page size.
 */
@QuarkusTest
@TestSecurity(user = ApiPagingTest.SUBSCRIBER, roles = "subscriber")
class ApiPagingTest {

    static final String SUBSCRIBER = "api-paging-alice";
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    Fixtures.TestHousehold household;

    @BeforeEach
    void household() {
        household = Fixtures.newHousehold(SUBSCRIBER);
        Fixtures.device(Fixtures.household("api-paging-bob"), "same", DeviceType.TV); // never listed here
    }

    @Test
    void alertPagesJoinUpWithoutGapsOrRepeats() {
        Device camera = Fixtures.device(household, "ipcam", DeviceType.CAMERA);
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            Alert alert = Fixtures.alert(camera, "host-" + i + ".example.net");
            Instant raised = base.minusSeconds(i / 4); // four alerts share each time
            QuarkusTransaction.requiringNew().run(() -> Alert.update("createdAt = ?1 where id = ?2", raised, alert.id));
            made.add(alert.id.toString());
        }
        QuarkusTransaction.requiringNew().run(() -> Alert.update("status = ?1 where id = ?2", AlertStatus.RESOLVED,
                UUID.fromString(made.get(5))));

        for (int limit : new int[] { 1, 4, 5, 50 }) {
            List<Response> pages = follow("/api/v1/alerts?limit=" + limit);
            List<String> seen = ids(pages);
            assertThat(seen, hasSize(23));
            assertThat(new HashSet<>(seen), hasSize(23));
            assertThat(seen, containsInAnyOrder(made.toArray()));
            assertThat(pages, hasSize((23 + limit - 1) / limit));
            assertNewestFirst(pages);
        }
        List<String> open = ids(follow("/api/v1/alerts?status=OPEN&limit=3"));
        assertThat(open, hasSize(22));
        assertThat(new HashSet<>(open), hasSize(22));
    }

    @Test
    void devicePagesJoinUpWhenNamesRepeat() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            made.add(Fixtures.device(household, i % 3 == 0 ? "Printer" : "same", DeviceType.PHONE).id.toString());
        }
        Device labelled = Fixtures.device(household, "zz-hostname", DeviceType.TV);
        QuarkusTransaction.requiringNew().run(() -> Device.update("userLabel = 'Aardvark' where id = ?1", labelled.id));
        made.add(labelled.id.toString());

        List<Response> pages = follow("/api/v1/devices?limit=4");
        List<String> seen = ids(pages);
        assertThat(pages, hasSize(3));
        assertThat(seen, containsInAnyOrder(made.toArray()));
        assertThat(new HashSet<>(seen), hasSize(12));
        List<String> names = new ArrayList<>();
        pages.forEach(p -> names.addAll(p.<List<String>>path("name")));
        assertThat(names.get(0), equalTo("Aardvark"));
        for (int i = 1; i < names.size(); i++) {
            assertThat(names.get(i).toLowerCase(Locale.ROOT).compareTo(names.get(i - 1).toLowerCase(Locale.ROOT)),
                    greaterThanOrEqualTo(0));
        }
        assertThat(ids(follow("/api/v1/devices?q=SAME&limit=2")), hasSize(7));
        assertThat(ids(follow("/api/v1/devices?q=50%25&limit=2")), hasSize(0));
    }

    @Test
    void deliveryPagesJoinUpWhenCreatedTogether() {
        String webhook = given().contentType("application/json")
                .body("{\"url\":\"http://receiver.homeshield.test:9/hook\",\"eventTypes\":[\"alert.raised\"]}")
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> made = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 13; i++) {
                WebhookDelivery delivery = new WebhookDelivery();
                delivery.id = UUID.randomUUID();
                delivery.webhookId = UUID.fromString(webhook);
                delivery.householdId = household.id().value();
                delivery.eventId = "test/" + i;
                delivery.eventType = "alert.raised";
                delivery.payload = "{}";
                delivery.state = WebhookDelivery.State.FAILED;
                delivery.nextAttemptAt = created;
                delivery.createdAt = i < 10 ? created : created.minusSeconds(i);
                delivery.persist();
                made.add(delivery.id.toString());
            }
        });

        List<Response> pages = follow("/api/v1/webhooks/" + webhook + "/deliveries?limit=3");
        List<String> seen = ids(pages);
        assertThat(pages, hasSize(5));
        assertThat(seen, containsInAnyOrder(made.toArray()));
        assertThat(new HashSet<>(seen), hasSize(13));
        assertThat(seen.subList(10, 13), equalTo(made.subList(10, 13)));
    }

    private static List<Response> follow(String url) {
        List<Response> pages = new ArrayList<>();
        while (url != null) {
            Response page = given().when().get(url).then().statusCode(200).extract().response();
            pages.add(page);
            url = next(page);
        }
        return pages;
    }

    private static List<String> ids(List<Response> pages) {
        List<String> ids = new ArrayList<>();
        pages.forEach(p -> ids.addAll(p.<List<String>>path("id")));
        return ids;
    }

    private static void assertNewestFirst(List<Response> pages) {
        List<Instant> raised = new ArrayList<>();
        for (Response page : pages) {
            for (String id : page.<List<String>>path("id")) {
                raised.add(QuarkusTransaction.requiringNew().call(
                        () -> Alert.<Alert>findById(UUID.fromString(id)).createdAt));
            }
        }
        for (int i = 1; i < raised.size(); i++) {
            assertThat(raised.get(i).compareTo(raised.get(i - 1)), lessThanOrEqualTo(0));
        }
    }

    private static String next(Response page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher m = NEXT.matcher(link);
        return m.find() ? m.group(1) : null;
    }
}
