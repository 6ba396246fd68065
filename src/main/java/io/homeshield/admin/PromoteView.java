package io.homeshield.admin;

import io.homeshield.intel.Indicator;

/**
 * The form promoting an alert's destination to the provider's own feed.
 *
 * @param listing the feed that lists the destination already, or null
 */
public record PromoteView(FleetAlertRow alert, Indicator listing, IndicatorForm form) {
}
