package io.homeshield.portal;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Reads a page as a browser would and submits its forms with the cookie and token it was given. */
final class PortalForms {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern REQUEST_KEY = Pattern.compile("name=\"requestKey\" value=\"([^\"]+)\"");

    record Form(String cookie, String token, String requestKey) {

        RequestSpecification post() {
            return given().redirects().follow(false).cookie(CsrfTokens.COOKIE, cookie).formParam("_csrf", token);
        }
    }

    private PortalForms() {
    }

    /** GETs the page (which must render a form) and keeps what its form would send. */
    static Form from(String path) {
        Response page = given().redirects().follow(false).get(path).then().statusCode(200).extract().response();
        String cookie = page.getCookie(CsrfTokens.COOKIE);
        assertNotNull(cookie, "the page sets the form cookie");
        Matcher token = TOKEN.matcher(page.asString());
        assertTrue(token.find(), "the page renders a form token");
        Matcher key = REQUEST_KEY.matcher(page.asString());
        return new Form(cookie, token.group(1), key.find() ? key.group(1) : null);
    }
}
