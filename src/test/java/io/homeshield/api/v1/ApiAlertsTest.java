package io.homeshield.api.v1;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertStatus;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@TestSecurity(user = ApiAlertsTest.SUBSCRIBER, roles = "subscriber")
class ApiAlertsTest {

    static final String SUBSCRIBER = "api-alerts-alice";

    Fixtures.TestHousehold household;
    Device camera;
    Device printer;

    @BeforeEach
    void households() {
        household = Fixtures.newHousehold(SUBSCRIBER);
        camera = Fixtures.device(household, "ipcam-1234", DeviceType.CAMERA);
        printer = Fixtures.device(household, "printer", DeviceType.PRINTER);
    }

    @Test
    void getsAnAlertExplainedWithItsEvidenceAsAnObject() {
        Alert alert = Fixtures.alert(camera, "malware.example.net");
        QuarkusTransaction.requiringNew().run(() -> Alert.update("evidence = ?1, occurrences = 3 where id = ?2",
                "{\"indicator\":\"malware.example.net\",\"indicatorKind\":\"DOMAIN\",\"feed\":\"urlhaus\","
                        + "\"observed\":\"cdn.malware.example.net\",\"firstSeen\":\"2025-03-14T19:40:02Z\","
                        + "\"lastSeen\":\"2025-03-14T19:41:57Z\"}",
                alert.id));

        given().when().get("/api/v1/alerts/" + alert.id)
                .then().statusCode(200)
                .body("id", equalTo(alert.id.toString()))
                .body("deviceId", equalTo(camera.id.toString()))
                .body("type", equalTo("KNOWN_BAD_DESTINATION"))
                .body("severity", equalTo("HIGH"))
                .body("status", equalTo("OPEN"))
                .body("title", equalTo("Contact with a known malicious host"))
                .body("explanation", startsWith("This device contacted malware.example.net,"))
                .body("advice", containsString("Quarantine the device"))
                .body("indicator", equalTo("malware.example.net"))
                .body("evidence.observed", equalTo("cdn.malware.example.net"))
                .body("evidence.feed", equalTo("urlhaus"))
                .body("occurrences", equalTo(3))
                .body("firstSeen", startsWith("20"))
                .body("lastSeen", startsWith("20"));
    }

    @Test
    void listsTheHouseholdsAlertsByStatusAndDevice() {
        Alert open = Fixtures.alert(camera, "malware.example.net");
        Alert resolved = Fixtures.alert(camera, "c2.example.org");
        Alert printers = Fixtures.alert(printer, "scanner.example.com");
        QuarkusTransaction.requiringNew().run(() -> Alert.update("status = ?1 where id = ?2", AlertStatus.RESOLVED,
                resolved.id));
        Fixtures.alert(Fixtures.device(Fixtures.household("api-alerts-bob"), "tv", DeviceType.TV), "bad.example");

        given().when().get("/api/v1/alerts")
                .then().statusCode(200)
                .body("id", containsInAnyOrder(open.id.toString(), resolved.id.toString(), printers.id.toString()));
        given().queryParam("status", "OPEN").when().get("/api/v1/alerts")
                .then().statusCode(200)
                .body("id", containsInAnyOrder(open.id.toString(), printers.id.toString()));
        given().queryParam("status", "RESOLVED").queryParam("deviceId", camera.id.toString())
                .when().get("/api/v1/alerts")
                .then().statusCode(200)
                .body("id", containsInAnyOrder(resolved.id.toString()));
        given().queryParam("deviceId", printer.id.toString()).when().get("/api/v1/alerts")
                .then().statusCode(200)
                .body("id", containsInAnyOrder(printers.id.toString()));
    }

    @Test
    void aWrongFilterNamesTheParameter() {
        given().queryParam("status", "SOLVED").when().get("/api/v1/alerts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("status"))
                .body("violations[0].reason", equalTo("must be one of OPEN, ACKNOWLEDGED, RESOLVED, NOT_A_THREAT"));
        given().queryParam("deviceId", "42").when().get("/api/v1/alerts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("deviceId"));
    }

    @Test
    void anotherHouseholdsAlertDoesNotExist() {
        Device theirs = Fixtures.device(Fixtures.household("api-alerts-bob"), "tv", DeviceType.TV);
        Alert alert = Fixtures.alert(theirs, "bad.example");

        given().when().get("/api/v1/alerts/" + alert.id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().queryParam("deviceId", theirs.id.toString()).when().get("/api/v1/alerts")
                .then().statusCode(200).body("$", empty());
    }
}
