package io.homeshield.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Reads a staff page as a browser would and submits its form with the cookie and token it was given. */
final class StaffForms {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Form(String cookie, String token) {

        RequestSpecification post() {
            return given().redirects().follow(false).cookie("hs_csrf", cookie).formParam("_csrf", token);
        }
    }

    private StaffForms() {
    }

    static Form from(String path) {
        Response page = given().redirects().follow(false).get(path).then().statusCode(200).extract().response();
        String cookie = page.getCookie("hs_csrf");
        assertNotNull(cookie, "the page sets the form cookie");
        Matcher token = TOKEN.matcher(page.asString());
        assertTrue(token.find(), "the page renders a form token");
        return new Form(cookie, token.group(1));
    }
}
