package io.homeshield.admin;

import java.util.List;

import io.homeshield.alert.AlertSuppression;
import io.homeshield.alert.ReviewItem;

/**
 * The review queue page: what waits, what is already suppressed, and a form sent back with its problem.
 *
 * @param notice confirmed or rejected after a decision, else null
 * @param error the field that was wrong (reason), else null
 */
public record ReviewQueue(List<ReviewItem> items, List<AlertSuppression> suppressions, String notice,
        String error, String errorType, String errorIndicator, String reason) {

    public boolean errorFor(ReviewItem item) {
        return error != null && item.alertType().equals(errorType) && item.indicator().equals(errorIndicator);
    }
}
