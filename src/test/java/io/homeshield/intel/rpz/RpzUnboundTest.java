package io.homeshield.intel.rpz;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.homeshield.audit.Actor;
import io.homeshield.intel.ProviderIndicator;
import io.homeshield.intel.ProviderIndicatorService;
import io.homeshield.testsupport.Lanes;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The zone as the provider's resolvers see it: Debian's unbound fetches it by URL from the running
 * application, answers NXDOMAIN for a name an analyst blocked fleet-wide, resolves a local name,
 * and picks up a newly blocked name within the zone's refresh interval (2 s in tests).
 */
@QuarkusTest
@Tag(Lanes.UNBOUND)
class RpzUnboundTest {

    private static final String TOKEN = "test-resolver-token-0123456789abcdef";
    private static final Actor ANALYST = new Actor("analyst-rpz-test", "analyst");

    @Inject
    ProviderIndicatorService indicators;

    @Inject
    RpzFetches fetches;

    @TestHTTPResource("/")
    URL base;

    @Test
    void aNameBlockedInHomeShieldIsBlockedByUnboundAndAChangeReachesIt() throws Exception {
        String first = "c2-" + UUID.randomUUID().toString().substring(0, 8) + ".rpz-test.example";
        String second = "c2-" + UUID.randomUUID().toString().substring(0, 8) + ".rpz-test.example";
        ProviderIndicator firstRow = block(first);
        ProviderIndicator secondRow = null;
        String url = "http://127.0.0.1:" + base.getPort() + "/rpz/" + TOKEN + "/homeshield.rpz";
        Path dir = Files.createTempDirectory("unbound-rpz");
        Path zone = dir.resolve("homeshield.rpz.zone");
        try (Unbound unbound = Unbound.start(dir, "homeshield.rpz", url, zone)) {
            awaitZoneNaming(zone, first, unbound);
            assertEquals(DnsQuery.NXDOMAIN, DnsQuery.a(unbound.port, first).rcode(), unbound.log());
            assertEquals(DnsQuery.NXDOMAIN, DnsQuery.a(unbound.port, "www." + first).rcode(), unbound.log());
            assertEquals(List.of(Unbound.LOCAL_ADDRESS), DnsQuery.a(unbound.port, Unbound.LOCAL_NAME).addresses());

            secondRow = block(second);
            awaitZoneNaming(zone, second, unbound);
            assertEquals(DnsQuery.NXDOMAIN, DnsQuery.a(unbound.port, second).rcode(), unbound.log());
            assertTrue(fetches.latest().stream().anyMatch(f -> f.resolver.equals("test-resolver")
                    && f.sourceAddress.equals("127.0.0.1")), "the resolver's fetch is recorded");
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            indicators.blockFleetWide(firstRow.id, false, ANALYST, "test done");
            if (secondRow != null) {
                indicators.blockFleetWide(secondRow.id, false, ANALYST, "test done");
            }
        }
    }

    @Test
    void theZoneAnswersNotModifiedUntilItChangesAndThenHasAHigherSerial() {
        String url = "/rpz/" + TOKEN + "/homeshield.rpz";
        String etag = given().when().get(url).then().statusCode(200).contentType(containsString("text/dns"))
                .body(containsString("$ORIGIN homeshield.rpz.")).extract().header("ETag");
        given().header("If-None-Match", etag).when().get(url).then().statusCode(304);
        assertEquals(etag, given().when().get(url).then().statusCode(200).extract().header("ETag"),
                "nothing changed, same version");

        ProviderIndicator row = block("c2-" + UUID.randomUUID().toString().substring(0, 8) + ".rpz-etag.example");
        try {
            String changed = given().header("If-None-Match", etag).when().get(url).then().statusCode(200)
                    .body(containsString(row.indicator + " CNAME .")).extract().header("ETag");
            assertTrue(serial(changed) > serial(etag), etag + " then " + changed);
        } finally {
            indicators.blockFleetWide(row.id, false, ANALYST, "test done");
        }
    }

    @Test
    void anUnknownTokenOrFileAnswersNotFound() {
        given().when().get("/rpz/not-a-resolver-token-0123456789abcdef/homeshield.rpz").then().statusCode(404);
        given().when().get("/rpz/" + TOKEN + "/other.rpz").then().statusCode(404);
    }

    private ProviderIndicator block(String name) {
        ProviderIndicator row = indicators.add(name, null, ANALYST, "C&C server of a campaign");
        return indicators.blockFleetWide(row.id, true, ANALYST, "block for every subscriber");
    }

    private static long serial(String etag) {
        String tag = etag.replace("\"", "");
        return Long.parseLong(tag.substring(0, tag.indexOf('-')));
    }

    private static void awaitZoneNaming(Path zone, String name, Unbound unbound) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(zone) && Files.readString(zone).contains(name)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("unbound did not fetch a zone naming " + name + "\n" + unbound.log());
    }
}
