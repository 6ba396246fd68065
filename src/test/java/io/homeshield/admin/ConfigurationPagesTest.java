package io.homeshield.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.telemetry.flowexport.FlowExportDrops;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The admins' configuration page: what is in effect, and no secret. */
@QuarkusTest
@TestSecurity(user = "config-root", roles = "admin")
class ConfigurationPagesTest {

    @Inject
    FlowExportDrops drops;

    @Test
    void showsTheFeedsChannelsLimitsAndAutomaticQuarantineInEffect() {
        given().get("/admin/configuration").then().statusCode(200)
                .body(containsString("URLhaus (abuse.ch)"))
                .body(containsString("classpath:intel/urlhaus-filter-online.txt"))
                .body(containsString("<td>24h</td>"))
                .body(containsString("tcp://127.0.0.1:1883"))
                .body(containsString("self::homeshield-controller"))
                .body(containsString("http://127.0.0.1:7557"))
                .body(containsString("<dd>5000</dd>"))
                .body(containsString("<dd>4 MiB</dd>"))
                .body(containsString("<dd>256</dd>"))
                .body(containsString("<dd>500ms – 5m</dd>"))
                .body(containsString("Actions kept for a router out of reach</dt><dd>"))
                .body(containsString("High, Critical"))
                .body(containsString("Telemetry over MQTT</dt><dd>On"))
                .body(containsString("href=\"/admin/configuration\" aria-current=\"page\""));
    }

    @Test
    void neverShowsASecret() {
        given().get("/admin/configuration").then().statusCode(200)
                .body(not(containsString("dev-only-csrf-secret")))
                .body(not(containsString("dev-only-pepper")))
                .body(not(containsString(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getValue("homeshield.openwrt.credential-key", String.class))))
                .body(containsString("Key for router logins set"));
    }

    @Test
    void warnsWhileTheFlowCollectorDropsAndSaysWhy() {
        drops.dropped(FlowExportDrops.Reason.HANDOFF_LANE_FULL, 1234);
        given().get("/admin/configuration").then().statusCode(200)
                .body(containsString("Dropped by the flow collector"))
                .body(containsString("role=\"alert\" aria-labelledby=\"flow-drops-title\""))
                .body(containsString("flows: their hand-off lane was full"));
        given().header("Accept-Language", "de").get("/admin/configuration").then().statusCode(200)
                .body(containsString("Vom Flow-Collector verworfen"))
                .body(containsString("Flows: ihre Übergabespur war voll"))
                .body(not(containsString("hand-off lane")));
    }

    @Test
    void comesInGerman() {
        given().header("Accept-Language", "de").get("/admin/configuration").then().statusCode(200)
                .body(containsString("Konfiguration")).body(containsString("Router-Kanäle"))
                .body(containsString("hoch, kritisch"))
                .body(not(containsString("Router channels")));
    }
}
