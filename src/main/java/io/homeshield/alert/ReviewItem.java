package io.homeshield.alert;

import java.time.Instant;
import java.util.List;

/**
 * One pattern in the analysts' review queue: every pending "not a threat" about the same alert
 * type and indicator, from however many households.
 */
public record ReviewItem(String alertType, String indicator, long reports, long households, Instant lastReported,
        List<String> devices, List<String> comments) {

    public String title() {
        try {
            return AlertType.valueOf(alertType).title();
        } catch (IllegalArgumentException e) {
            return alertType;
        }
    }
}
