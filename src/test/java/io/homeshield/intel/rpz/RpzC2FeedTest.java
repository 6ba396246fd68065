package io.homeshield.intel.rpz;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With a feed configured as a C&C feed, its host names are in the zone, less the allow-list, with the walled garden's
 * address.
 */
@QuarkusTest
@TestProfile(RpzC2FeedTest.UrlhausAsC2.class)
class RpzC2FeedTest {

    public static class UrlhausAsC2 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("homeshield.rpz.c2-feeds", "urlhaus", "homeshield.rpz.allow-list", "ywxww.net",
                    "homeshield.rpz.walled-garden", "198.51.100.10");
        }
    }

    @Test
    void everyHostNameOfTheFeedIsBlockedUnlessTheAllowListSaysOtherwise() {
        String zone = given().get("/rpz/test-resolver-token-0123456789abcdef/homeshield.rpz").then().statusCode(200)
                .extract().asString();
        assertTrue(zone.contains("\n111101111.ru A 198.51.100.10\n*.111101111.ru A 198.51.100.10\n"), "a feed's name");
        assertTrue(zone.contains("\nsupport-data.com A 198.51.100.10\n"), "another feed's name");
        assertFalse(zone.contains("123.ywxww.net A"), "the allow-list wins over the feed");
        assertTrue(zone.contains("\nywxww.net CNAME rpz-passthru.\n*.ywxww.net CNAME rpz-passthru.\n"));
        assertFalse(zone.contains("\n1.1.104.12 "), "addresses are not names");
    }
}
