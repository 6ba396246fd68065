package io.homeshield.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.homeshield.alert.Alert;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.homeshield.testsupport.Fixtures.TestHousehold;
import io.homeshield.testsupport.TestHostResolver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * Where webhook delivery got to is kept in the database: when delivery stopped a while ago (every
 * instance down, or restarted), the next pass carries on from there, in steps, and delivers what was
 * raised meanwhile exactly once.
 */
@QuarkusTest
@TestSecurity(user = WebhookResumeTest.SUBSCRIBER, roles = "subscriber")
class WebhookResumeTest {

    static final String SUBSCRIBER = "webhook-resume-alice";

    WireMockServer receiver;
    TestHousehold home;

    @BeforeEach
    void start() {
        home = Fixtures.newHousehold(SUBSCRIBER);
        receiver = new WireMockServer(options().dynamicPort());
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stop() {
        receiver.stop();
    }

    @Test
    void afterAnOutageDeliveryCarriesOnWhereItStoppedWithoutDuplicates() throws Exception {
        String webhook = given().contentType(ContentType.JSON)
                .body(Map.of("url", TestHostResolver.receiverUrl(receiver.port(), "/hook"), "eventTypes",
                        List.of("alert.raised")))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        Device camera = Fixtures.device(home, "ipcam-resume", DeviceType.CAMERA);
        Instant now = Instant.now();

        // delivery stopped two and a half hours ago; meanwhile two alerts were raised, one long before the overlap
        List<UUID> raised = QuarkusTransaction.requiringNew().call(() -> {
            WebhookEventPosition position = WebhookEventPosition.findById(WebhookEventReading.POSITION);
            if (position == null) {
                position = new WebhookEventPosition();
                position.name = WebhookEventReading.POSITION;
                position.persist();
            }
            position.readUntil = now.minus(Duration.ofMinutes(150));
            return List.of(alert(camera, "early.example.net", now.minus(Duration.ofMinutes(140))),
                    alert(camera, "late.example.net", now.minus(Duration.ofMinutes(2))));
        });

        String log = "/api/v1/webhooks/" + webhook + "/deliveries";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                receiver.findAll(postRequestedFor(urlEqualTo("/hook"))), hasSize(2)));
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true); // more passes, over the same overlap
        var received = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
        assertThat(received, hasSize(2));
        ObjectMapper json = new ObjectMapper();
        List<String> alertIds = new java.util.ArrayList<>();
        for (var request : received) {
            alertIds.add(json.readTree(request.getBodyAsString()).path("data").path("id").asText());
        }
        assertThat(alertIds, containsInAnyOrder(raised.get(0).toString(), raised.get(1).toString()));
        given().when().get(log).then().statusCode(200).body("$", hasSize(2));
        Instant position = QuarkusTransaction.requiringNew().call(
                () -> WebhookEventPosition.<WebhookEventPosition>findById(WebhookEventReading.POSITION).readUntil);
        assertThat(position, greaterThan(now.minusSeconds(1)));
    }

    private static UUID alert(Device device, String indicator, Instant at) {
        Alert alert = Fixtures.newAlert(device, indicator, at);
        alert.persist();
        return alert.id;
    }
}
