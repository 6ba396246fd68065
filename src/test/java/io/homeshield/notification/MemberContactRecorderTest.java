package io.homeshield.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.homeshield.household.HouseholdMember;
import io.homeshield.testsupport.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

@QuarkusTest
class MemberContactRecorderTest {

    private static final String SUBJECT = "mail-contact-member";

    @BeforeEach
    void household() {
        Fixtures.newHousehold(SUBJECT);
    }

    @Test
    @TestSecurity(user = SUBJECT, roles = "subscriber")
    @OidcSecurity(claims = @Claim(key = "email", value = "mail-contact@example.test"))
    void theSignInAddressAndPortalLanguageAreStoredWhenTheMemberOpensThePortal() {
        given().header("Accept-Language", "de-DE,de;q=0.9").when().get("/portal").then().statusCode(200);

        HouseholdMember member = stored();
        assertEquals("mail-contact@example.test", member.email);
        assertEquals("de", member.language);

        given().cookie("hs_lang", "en").when().get("/portal").then().statusCode(200);
        assertEquals("en", stored().language, "the language the member switched to");
    }

    @Test
    @TestSecurity(user = SUBJECT, roles = "subscriber")
    @OidcSecurity(claims = @Claim(key = "email", value = "not an address"))
    void aClaimThatIsNoAddressIsNotStored() {
        given().when().get("/portal").then().statusCode(200);

        HouseholdMember member = stored();
        assertEquals(null, member.email);
        assertEquals("en", member.language);
    }

    @Test
    @TestSecurity(user = SUBJECT, roles = "subscriber")
    void theSettingsSayThatTheNotificationChoiceAlsoDecidesTheEmails() {
        given().header("Accept-Language", "de").when().get("/portal/settings").then().statusCode(200)
                .body(containsString("Dieselbe Wahl bestimmt, welche E-Mails HomeShield an die Adresse sendet"));
    }

    private static HouseholdMember stored() {
        return QuarkusTransaction.requiringNew().call(() -> HouseholdMember.findBySubject(SUBJECT));
    }
}
