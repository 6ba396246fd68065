package io.homeshield.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.homeshield.household.HouseholdInvitation;
import io.homeshield.household.HouseholdMember;
import io.homeshield.household.Invitee;
import io.homeshield.household.LiveStreams;
import io.homeshield.household.MemberRole;
import io.homeshield.household.MemberService;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;

/**
 * Who may join a household and how long a signed-in person's access lasts: an invitation to an
 * e-mail address needs the identity provider's word that the address is theirs, or the link sent
 * to it; live streams end with the membership and are capped per person; the portal is for
 * subscribers; private answers are never cached; forwarded headers from anyone but the ingress are
 * ignored; a retry never reads a secret again.
 */
@QuarkusTest
class IdentityAndSessionAttacksTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final String CSRF_COOKIE = "hs_csrf";

    @Inject
    MemberService members;

    @Inject
    LiveStreams streams;

    @TestHTTPResource("/")
    URL root;

    // --- invitations

    @Test
    @TestSecurity(user = "ids-unverified", roles = "subscriber")
    @OidcSecurity(claims = { @Claim(key = "email", value = "ids-kim@example.org"),
            @Claim(key = "email_verified", value = "false", type = ClaimType.BOOLEAN) })
    void anInvitationToAnAddressIsNotAcceptedOnAnUnverifiedClaimToIt() {
        HouseholdInvitation invitation = invite("ids-owner-1", "ids-kim@example.org");
        given().get("/portal").then().statusCode(200)
                .body(not(containsString(invitation.id.toString())));

        Form form = formFrom(linkPage(invite("ids-owner-1b", "ids-decoy@example.org")));
        form.post().post("/portal/invitations/" + invitation.id + "/accept")
                .then().statusCode(403).body(containsString("not verified"));
        assertNull(member("ids-unverified"), "no household was joined");
        assertTrue(pending(invitation.id));
    }

    @Test
    @TestSecurity(user = "ids-verified", roles = "subscriber")
    @OidcSecurity(claims = { @Claim(key = "email", value = "ids-lee@example.org"),
            @Claim(key = "email_verified", value = "true", type = ClaimType.BOOLEAN) })
    void anInvitationToAVerifiedAddressIsAccepted() {
        HouseholdInvitation invitation = invite("ids-owner-2", "ids-lee@example.org");
        Response dashboard = given().get("/portal").then().statusCode(200)
                .body(containsString(invitation.id.toString())).extract().response();
        formFrom(dashboard).post().post("/portal/invitations/" + invitation.id + "/accept")
                .then().statusCode(303);
        assertEquals(invitation.householdId, member("ids-verified").householdId);
    }

    @Test
    @TestSecurity(user = "ids-linked", roles = "subscriber")
    void theLinkSentToTheAddressLetsItsHolderJoin() {
        HouseholdInvitation invitation = invite("ids-owner-3", "ids-max@example.org");
        Response page = linkPage(invitation);
        formFrom(page).post().formParam("token", invitation.linkToken)
                .post("/portal/invitations/" + invitation.id + "/accept").then().statusCode(303);
        assertEquals(invitation.householdId, member("ids-linked").householdId);
        assertFalse(pending(invitation.id));
    }

    @Test
    @TestSecurity(user = "ids-guesser", roles = "subscriber")
    void aWrongOrMissingLinkTokenOpensNothing() {
        HouseholdInvitation invitation = invite("ids-owner-4", "ids-ana@example.org");
        given().get("/portal/invitations/" + invitation.id + "?token=guessed").then().statusCode(404);
        given().get("/portal/invitations/" + invitation.id).then().statusCode(404);
        Form form = formFrom(linkPage(invite("ids-owner-4b", "ids-other@example.org")));
        form.post().formParam("token", invitation.linkToken.substring(1) + "A")
                .post("/portal/invitations/" + invitation.id + "/accept").then().statusCode(404);
        assertNull(member("ids-guesser"));
        assertTrue(pending(invitation.id));
    }

    @Test
    @TestSecurity(user = "ids-late", roles = "subscriber")
    void aLinkIsSpentOnceItsInvitationIsAccepted() {
        HouseholdInvitation invitation = invite("ids-owner-5", "ids-sam@example.org");
        members.accept(invitation.id, new Invitee("ids-first", null, false, "First"), invitation.linkToken);
        given().get("/portal/invitations/" + invitation.id + "?token=" + invitation.linkToken).then().statusCode(404);
        assertNull(member("ids-late"));
    }

    @Test
    @TestSecurity(user = "ids-api-owner", roles = "subscriber")
    void theLinkIsInTheInvitationsAnswerOnceAndNeverReplayed() {
        Fixtures.newHousehold("ids-api-owner");
        String key = UUID.randomUUID().toString();
        String link = given().contentType("application/json").header("Idempotency-Key", key)
                .body("{\"invitee\":\"ids-kai@example.org\"}").post("/api/v1/invitations")
                .then().statusCode(201).body("acceptLink", containsString("/portal/invitations/"))
                .extract().path("acceptLink");
        assertTrue(link.contains("token="), link);
        given().contentType("application/json").header("Idempotency-Key", key)
                .body("{\"invitee\":\"ids-kai@example.org\"}").post("/api/v1/invitations")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("acceptLink", nullValue())
                .body("invitee", equalTo("ids-kai@example.org"));
        given().get("/api/v1/invitations").then().statusCode(200).body("[0].acceptLink", nullValue());
        String token = link.substring(link.indexOf("token=") + 6);
        assertFalse(storedAnswers().contains(token), "the stored answer holds no link");
    }

    // --- secrets are not replayed

    @Test
    @TestSecurity(user = "ids-hook-owner", roles = "subscriber")
    void aReplayedWebhookRegistrationAnswersWithoutTheSecret() {
        Fixtures.newHousehold("ids-hook-owner");
        String key = UUID.randomUUID().toString();
        String body = "{\"url\":\"https://hub.example.org/ids\",\"eventTypes\":[\"alert.raised\"]}";
        String secret = given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/v1/webhooks").then().statusCode(201).body("secret", notNullValue())
                .extract().path("secret");
        given().contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/v1/webhooks").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("secret", nullValue()).body("url", equalTo("https://hub.example.org/ids"));
        assertFalse(storedAnswers().contains(secret), "the idempotency store does not keep the secret");
    }

    // --- live streams

    @Test
    @TestSecurity(user = "ids-streamer", roles = "subscriber")
    void theApiEventStreamEndsWhenThePersonIsRemoved() throws Exception {
        Fixtures.newHousehold("ids-streamer", MemberRole.MEMBER);
        assertStreamEndsOnRemoval("api/v1/events", "ids-streamer");
    }

    @Test
    @TestSecurity(user = "ids-page-streamer", roles = "subscriber")
    void thePortalsLiveStreamEndsWhenThePersonIsRemoved() throws Exception {
        Fixtures.newHousehold("ids-page-streamer", MemberRole.MEMBER);
        assertStreamEndsOnRemoval("portal/live", "ids-page-streamer");
    }

    @Test
    @TestSecurity(user = "ids-hoarder", roles = "subscriber")
    void aPersonsSixthStreamIsRefusedAndAClosedOneFreesItsPlace() throws Exception {
        Fixtures.newHousehold("ids-hoarder");
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(openStream(i % 2 == 0 ? "api/v1/events" : "portal/live"));
                assertEquals(200, open.get(i).statusCode());
            }
            given().accept("text/event-stream").get("/api/v1/events").then().statusCode(429)
                    .contentType("application/problem+json").header("Retry-After", notNullValue())
                    .body("type", equalTo("https://homeshield.io/problems/too-many-requests"));
            given().accept("text/event-stream").get("/portal/live").then().statusCode(429);

            open.remove(0).body().close();
            await().atMost(Duration.ofSeconds(10)).until(() -> streams.openBy("ids-hoarder") == 4);
            open.add(openStream("api/v1/events"));
            assertEquals(200, open.get(4).statusCode());
        } finally {
            for (HttpResponse<InputStream> stream : open) {
                stream.body().close();
            }
        }
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() {
        Fixtures.newHousehold("ids-expiring");
        HouseholdMember member = member("ids-expiring");
        AssertSubscriber<Long> subscriber = streams.hold(member, Optional.of(Instant.now().plusSeconds(1)),
                Multi.createFrom().ticks().every(Duration.ofMillis(100)))
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));
        subscriber.awaitCompletion(Duration.ofSeconds(10));
        assertEquals(0, streams.openBy("ids-expiring"), "the ended stream's place is free again");
    }

    // --- the portal is for subscribers

    @Test
    @TestSecurity(user = "ids-support", roles = "support")
    void staffWithoutTheSubscriberRoleGetNoPortalPageOrStream() {
        Fixtures.newHousehold("ids-support");
        for (String page : List.of("/portal", "/portal/devices", "/portal/settings", "/portal/blocked")) {
            given().redirects().follow(false).get(page).then().statusCode(403).contentType(containsString("text/html"));
        }
        given().accept("text/event-stream").get("/portal/live").then().statusCode(403);
    }

    // --- private answers are not cached

    @Test
    @TestSecurity(user = "ids-cached", roles = "subscriber")
    void authenticatedPagesAndApiAnswersAreNotStored() {
        Fixtures.newHousehold("ids-cached");
        given().get("/portal").then().statusCode(200).header("Cache-Control", "no-store");
        given().get("/portal/devices").then().statusCode(200).header("Cache-Control", "no-store");
        given().get("/api/v1/devices").then().statusCode(200).header("Cache-Control", "no-store");
        given().get("/api/v1/devices/" + UUID.randomUUID()).then().statusCode(404).header("Cache-Control", "no-store");
    }

    @Test
    void refusalsToStrangersAreNotStoredAndPublicAssetsStayCacheable() {
        given().get("/api/v1/devices").then().statusCode(401).header("Cache-Control", "no-store");
        given().get("/assets/portal.css").then().statusCode(200).header("Cache-Control", not("no-store"));
    }

    // --- forwarded headers are believed from the ingress only

    @Test
    @TestSecurity(user = "ids-forwarded", roles = "subscriber")
    void forgedForwardedHeadersFromAnUntrustedAddressDoNotPassTheOriginCheck() {
        Fixtures.newHousehold("ids-forwarded");
        Form form = formFrom(given().get("/portal/settings").then().statusCode(200).extract().response());
        form.post().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "proto=https;host=evil.example").header("Origin", "https://evil.example")
                .formParam("level", "ALL").post("/portal/settings/notifications").then().statusCode(403);
        assertEquals("SERIOUS", member("ids-forwarded").notifyLevel.name(), "nothing changed");

        form.post().header("Origin", root.getProtocol() + "://" + root.getHost() + ":" + root.getPort())
                .formParam("level", "ALL").post("/portal/settings/notifications").then().statusCode(303);
        assertEquals("ALL", member("ids-forwarded").notifyLevel.name());
    }

    @Test
    @TestSecurity(user = "ids-forwarded-cookie", roles = "subscriber")
    void aForgedHttpsHeaderDoesNotChangeTheSchemeOfCookiesOrLinks() {
        Fixtures.newHousehold("ids-forwarded-cookie");
        Response page = given().header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example")
                .get("/portal/settings").then().statusCode(200).extract().response();
        String cookie = page.getHeaders().getValues("Set-Cookie").stream().filter(c -> c.startsWith(CSRF_COOKIE))
                .findFirst().orElseThrow();
        assertFalse(cookie.toLowerCase(Locale.ROOT).contains("secure"), cookie);
    }

    @Test
    void aForgedHostDoesNotSteerTheSignInRedirect() {
        Response login = given().redirects().follow(false).header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").accept("text/html").get("/portal")
                .then().statusCode(302).extract().response();
        String location = login.header("Location");
        assertFalse(location.contains("evil.example"), location);
        assertTrue(location.contains("redirect_uri=http"), location);
        assertFalse(location.contains("redirect_uri=https"), location);
    }

    // --- helpers

    private void assertStreamEndsOnRemoval(String path, String subject) throws Exception {
        HttpResponse<InputStream> stream = openStream(path);
        assertEquals(200, stream.statusCode());
        CompletableFuture<Integer> ended = CompletableFuture.supplyAsync(() -> {
            try (InputStream body = stream.body()) {
                while (body.read() >= 0) {
                    // live events until the server ends the stream
                }
                return 0;
            } catch (IOException e) {
                return -1;
            }
        });
        await("the stream stays open while the person is a member").during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5)).until(() -> !ended.isDone());
        QuarkusTransaction.requiringNew().run(() -> HouseholdMember.delete("subject", subject));
        assertEquals(0, ended.get(15, TimeUnit.SECONDS), "the server ended the stream");
    }

    private HttpResponse<InputStream> openStream(String path) throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(root + path))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HouseholdInvitation invite(String owner, String invitee) {
        Fixtures.newHousehold(owner);
        return members.invite(member(owner), invitee, MemberRole.MEMBER);
    }

    private static Response linkPage(HouseholdInvitation invitation) {
        return given().get("/portal/invitations/" + invitation.id + "?token=" + invitation.linkToken)
                .then().statusCode(200).extract().response();
    }

    private static HouseholdMember member(String subject) {
        return QuarkusTransaction.requiringNew().call(() -> HouseholdMember.findBySubject(subject));
    }

    private static boolean pending(UUID invitation) {
        return QuarkusTransaction.requiringNew().call(() -> HouseholdInvitation.<HouseholdInvitation>findById(
                invitation).pending());
    }

    @SuppressWarnings("unchecked")
    private static String storedAnswers() {
        return QuarkusTransaction.requiringNew().call(() -> String.join("\n", (List<String>) Panache.getEntityManager()
                .createNativeQuery("select coalesce(body, '') from api_idempotency").getResultList()));
    }

    /** What a page's forms send: the form cookie and token. */
    private record Form(String cookie, String token) {

        io.restassured.specification.RequestSpecification post() {
            return given().redirects().follow(false).cookie(CSRF_COOKIE, cookie).formParam("_csrf", token);
        }
    }

    private static Form formFrom(Response page) {
        String cookie = page.getCookie(CSRF_COOKIE);
        Matcher token = CSRF.matcher(page.asString());
        assertTrue(token.find(), "the page renders a form token");
        assertNotNull(cookie, "the page sets the form cookie");
        return new Form(cookie, token.group(1));
    }
}
