package io.homeshield.admin;

import java.util.List;

/**
 * What a staff search found.
 *
 * @param understoodAs how the query was read: mac (a MAC address or serial), address (an IP address) or
 *        text (an account number, serial or name)
 * @param more whether there were more matches than listed (the person should narrow the search)
 */
public record SearchResult(String query, String understoodAs, List<HouseholdHit> hits, boolean more) {
}
