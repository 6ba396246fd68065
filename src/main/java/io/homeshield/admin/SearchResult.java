package io.homeshield.admin;

import java.util.List;

/**
 * What a staff search found.
 *
 * @param more whether there were more matches than listed (the person should narrow the search)
 */
public record SearchResult(String query, String understoodAs, List<HouseholdHit> hits, boolean more) {
}
