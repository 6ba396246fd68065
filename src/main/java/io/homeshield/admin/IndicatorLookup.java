package io.homeshield.admin;

import io.homeshield.intel.Indicator;

/**
 * The answer to "is this destination listed?".
 *
 * @param understood the name or address as normalised, or null when the text was neither
 * @param listing the indicator that lists it (the name itself or a parent domain), or null
 * @param alerts how many alerts across the fleet name exactly this destination
 */
public record IndicatorLookup(String typed, String understood, Indicator listing, long alerts) {
}
