package io.homeshield.devmode;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.testsupport.Tokens;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The application as {@code ./mvnw quarkus:dev} serves it (embedded H2, the demo households'
 * simulated routers, the in-process OIDC server), walked by each demo user: every page and API read
 * answers without a server error, and a support agent finds a household by whatever they have at hand.
 */
@QuarkusTest
@TestProfile(DevProfile.class)
class DevModeWalkTest {

    @TestHTTPResource("/")
    URI base;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String databaseKind;

    @Inject
    EntityManager em;

    /** A demo household, with what an agent may type to find it. */
    private record Household(String id, String accountNumber, String name, String serial, String mac, String ip) {
    }

    @BeforeEach
    void demoHasRun() {
        assertEquals("h2", databaseKind, "the dev profile runs on the embedded database");
        String alice = Tokens.accessToken("alice");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().auth().oauth2(alice).get("/api/v1/alerts").then().extract().jsonPath().getList("$").size() > 0);
    }

    @Test
    void everyPageAndApiReadAnswersEveryDemoUserWithoutAServerError() {
        GetRoutes routes = GetRoutes.ofApplication();
        Household household = demoHousehold();
        GetForms forms = new GetForms(Map.of("q", searchTerms(household), "indicator", List.of("uranium")));
        List<String> alsoVisit = List.of("/api/provisioning/v1/households?accountNumber=" + household.accountNumber());
        List<SiteWalk.Visit> visits = new ArrayList<>();
        for (String user : DevProfile.demoUsers()) {
            List<SiteWalk.Visit> walked = new SiteWalk(base, user, Tokens.accessToken(user), routes, forms)
                    .walk(alsoVisit);
            Log.infof("%s: %d requests, answers %s", user, walked.size(), walked.stream()
                    .collect(Collectors.groupingBy(SiteWalk.Visit::status, TreeMap::new, Collectors.counting())));
            visits.addAll(walked);
        }

        List<SiteWalk.Visit> serverErrors = visits.stream().filter(SiteWalk.Visit::serverError).toList();
        assertTrue(serverErrors.isEmpty(), () -> serverErrors.size() + " server errors:\n"
                + serverErrors.stream().map(SiteWalk.Visit::toString).collect(Collectors.joining("\n")));

        Set<String> answered = visits.stream().filter(v -> v.status() == 200).map(v -> SiteWalk.shape(v.url()))
                .collect(Collectors.toCollection(TreeSet::new));
        Log.infof("Shapes answered 200: %s", answered);
        Set<String> unreached = routes.routes().stream().map(GetRoutes.Route::template)
                .filter(template -> answered.stream().noneMatch(shape -> matches(template, shape)))
                .collect(Collectors.toCollection(TreeSet::new));
        Log.infof("Routes no demo user reached (no such data in the demo): %s", unreached);
        for (String shape : List.of("/portal", "/portal/devices/*", "/portal/alerts/*", "/portal/activity",
                "/portal/settings", "/portal/week", "/admin", "/admin/households/*", "/admin/households?[q]",
                        "/admin/fleet",
                "/admin/audit", "/admin/fleet/evidence/routers/*", "/admin/fleet/evidence/snapshots/*",
                "/api/v1/devices/*", "/api/v1/devices/*/actions", "/api/v1/alerts/*",
                "/api/v1/settings", "/api/v1/events")) {
            assertTrue(answered.contains(shape), () -> "no demo user reached " + shape + "; reached " + answered);
        }
    }

    @Test
    void staffFindAHouseholdByAccountNumberNameSerialMacOrAddress() {
        Household household = demoHousehold();
        String sam = Tokens.accessToken("sam");
        for (String query : searchTerms(household)) {
            given().auth().oauth2(sam).accept("text/html").queryParam("q", query)
                    .get("/admin/households")
                    .then().statusCode(200).body(containsString(
                            "href=\"/admin/households/" + household.id() + "\">" + household.accountNumber()));
        }
    }

    private static boolean matches(String template, String shape) {
        String path = shape.contains("?") ? shape.substring(0, shape.indexOf('?')) : shape;
        return template.replaceAll("\\{[^}]*}", "*").equals(path);
    }

    /** The curl recipe of docs/dev-and-test.md, step by step. */
    @Test
    void aBearerTokenComesFromTheDevIdentityServerAsTheDocumentationSays() {
        String signIn = given().redirects().follow(false).get("/portal")
                .then().statusCode(302).extract().header("Location");
        String issuer = signIn.substring(0, signIn.indexOf("/authorize"));
        String token = given()
                .formParam("grant_type", "password")
                .formParam("client_id", "homeshield-web")
                .formParam("client_secret", "dev-only-client-secret")
                .formParam("username", "alice")
                .formParam("password", "alice")
                .post(issuer + "/token")
                .then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(token).get("/api/v1/devices").then().statusCode(200).body(containsString("IPCAM"));
    }

    private static List<String> searchTerms(Household h) {
        return List.of(h.accountNumber(), h.accountNumber().substring(0, 4).toLowerCase(Locale.ROOT), h.name(),
                h.name().substring(0, 3).toLowerCase(Locale.ROOT), h.serial(), h.serial().toLowerCase(Locale.ROOT),
                        h.mac(),
                h.mac().toLowerCase(Locale.ROOT).replace(':', '-'), h.ip());
    }

    private Household demoHousehold() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) em.createNativeQuery("""
                    select cast(h.id as varchar), h.account_number, h.display_name, r.serial_number, d.mac,
                           d.ip_address
                    from household h join router r on r.household_id = h.id join device d on d.router_id = r.id
                    where d.ip_address is not null order by h.account_number, d.mac""")
                    .setMaxResults(1).getSingleResult();
            return new Household(row[0].toString(), row[1].toString(), row[2].toString(), row[3].toString(),
                    row[4].toString(), row[5].toString());
        });
    }
}
