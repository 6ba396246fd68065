package io.homeshield.admin;

import java.util.List;

import io.homeshield.intel.rpz.RpzFetch;
import io.homeshield.intel.rpz.RpzZone;

/** The policy zone on the intel page: its version and size, and each resolver's last fetch. */
record RpzView(String zoneName, RpzZone zone, List<RpzFetch> fetches) {
}
