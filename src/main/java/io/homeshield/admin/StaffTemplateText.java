package io.homeshield.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.ReviewItem;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;

/** Text helpers for the staff console's templates. */
@TemplateExtension
final class StaffTemplateText {

    private StaffTemplateText() {
    }

    /** An alert type's title in the page's language. */
    static String label(AlertType type, @TemplateAttribute("locale") Object locale) {
        return Words.alerts(locale).alertTitle(type);
    }

    /** The title of the alert type a review is about, in the page's language. */
    static String typeTitle(ReviewItem item, @TemplateAttribute("locale") Object locale) {
        try {
            return Words.alerts(locale).alertTitle(AlertType.valueOf(item.alertType()));
        } catch (IllegalArgumentException unknownType) {
            return item.alertType();
        }
    }

    /** For a value inside a link's query string. */
    static String asQueryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
