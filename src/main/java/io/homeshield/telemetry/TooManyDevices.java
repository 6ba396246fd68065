package io.homeshield.telemetry;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.net.MacAddress;

/**
 * The one finding about a router reporting more devices than it may keep: about the router (no
 * device), so every batch beyond the cap counts its new MACs on the same alert instead of adding rows.
 */
final class TooManyDevices {

    private static final int EXAMPLES = 5;

    private TooManyDevices() {
    }

    static Finding finding(int limit, Set<MacAddress> refused, Instant at) {
        String examples = String.join(", ", refused.stream().map(MacAddress::value).sorted().limit(EXAMPLES).toList());
        Map<String, Object> evidence = Map.of(
                "limit", limit,
                "refusedMacs", refused.size(),
                "examples", examples);
        return new Finding(null, AlertType.TOO_MANY_DEVICES, "device-cap", String.valueOf(limit), evidence, at, at,
                refused.size());
    }
}
