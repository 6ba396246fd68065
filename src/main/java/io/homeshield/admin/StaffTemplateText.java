package io.homeshield.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/** Text helpers for the staff console's templates. */
@TemplateExtension
final class StaffTemplateText {

    private StaffTemplateText() {
    }

    /** For a value inside a link's query string. */
    static String asQueryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
