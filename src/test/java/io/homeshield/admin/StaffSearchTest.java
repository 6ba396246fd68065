package io.homeshield.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.household.Household;
import io.homeshield.household.HouseholdKind;
import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.ManagementChannel;
import io.homeshield.inventory.Router;
import io.homeshield.net.MacAddress;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
class StaffSearchTest {

    @Inject
    StaffSearch search;

    private String suffix;
    private UUID household;
    private String serial;
    private MacAddress mac;

    @BeforeEach
    void household() {
        suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        serial = "SRCH" + suffix + "X";
        mac = MacAddress.of(String.format("0A:%s:%s:%s:11:22", suffix.substring(0, 2), suffix.substring(2, 4),
                suffix.substring(4, 6)).replaceAll("[G-Z]", "F"));
        household = QuarkusTransaction.requiringNew().call(() -> {
            Household h = new Household("SR-" + suffix + "-01", "Zebulon " + suffix + " family", HouseholdKind.HOME,
                    Instant.now());
            h.persist();
            Router router = new Router(h.householdId(), serial, "HS-Box 7", "1.4.2", ManagementChannel.SIMULATED,
                    null, Instant.now());
            router.persist();
            Device device = new Device(router, mac, Instant.now());
            device.ipAddress = "10.77." + (suffix.hashCode() & 0xFF) + ".9";
            device.type = DeviceType.PHONE;
            device.persist();
            return h.id;
        });
    }

    @Test
    void findsByAccountNumberExactlyOrByItsStartInAnyCase() {
        assertFound("SR-" + suffix + "-01", "Account number");
        assertFound("  sr-" + suffix.toLowerCase(Locale.ROOT) + " ", "Account number");
    }

    @Test
    void findsByTheStartOfTheName() {
        assertFound("zebulon " + suffix.toLowerCase(Locale.ROOT), "Name");
    }

    @Test
    void findsByRouterSerial() {
        assertFound(serial, "Router serial " + serial);
        assertFound(serial.toLowerCase(Locale.ROOT), "Router serial " + serial);
    }

    @Test
    void findsByDeviceMacWrittenAnyWay() {
        assertFound(mac.value(), "Device MAC " + mac.value());
        assertFound(mac.value().toLowerCase(Locale.ROOT).replace(':', '-'), "Device MAC " + mac.value());
        assertFound(mac.value().replace(":", ""), "Device MAC " + mac.value());
    }

    @Test
    void findsByDeviceAddress() {
        String ip = QuarkusTransaction.requiringNew().call(() -> Device.<Device>find("householdId", household)
                .singleResult().ipAddress);
        assertFound(ip, "Device address " + ip);
    }

    @Test
    void wildcardsAreTakenLiterally() {
        SearchResult result = QuarkusTransaction.requiringNew().call(() -> search.search("SR-%"));
        assertTrue(result.hits().stream().noneMatch(h -> h.id().equals(household)));
    }

    @Test
    @TestSecurity(user = "search-page-sam", roles = "support")
    void theSearchPageLinksToTheHouseholdsFile() {
        given().queryParam("q", mac.value()).get("/admin/households").then().statusCode(200)
                .body(containsString("href=\"/admin/households/" + household + "\""))
                .body(containsString("Zebulon " + suffix + " family"));
        given().queryParam("q", "NO-SUCH-" + suffix).get("/admin/households").then().statusCode(200)
                .body(containsString("Nothing found")).body(not(containsString("Zebulon")));
    }

    private void assertFound(String query, String matchedBy) {
        SearchResult result = QuarkusTransaction.requiringNew().call(() -> search.search(query));
        List<HouseholdHit> mine = result.hits().stream().filter(h -> h.id().equals(household)).toList();
        assertEquals(1, mine.size(), () -> query + " should find the household: " + result);
        assertEquals(matchedBy, mine.get(0).matchedBy());
    }
}
