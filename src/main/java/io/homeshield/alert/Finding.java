package io.homeshield.alert;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.homeshield.net.MacAddress;

/**
 * A detector's conclusion about one device (or, with no device, about the router itself), to be
 * raised as an alert. Findings with the same
 * device, type and dedup key are one alert seen {@code occurrences} times.
 */
public record Finding(MacAddress device, AlertType type, String dedupKey, String indicator,
        Map<String, Object> evidence, Instant firstSeen, Instant lastSeen, long occurrences) {

    public Finding {
        for (String key : type.requiredEvidence()) {
            if (!evidence.containsKey(key)) {
                throw new IllegalArgumentException(type + " needs evidence '" + key + "'");
            }
        }
        evidence = Map.copyOf(evidence);
    }

    /** The same finding, counting the other's sightings too. */
    public Finding merge(Finding other) {
        return new Finding(device, type, dedupKey, indicator, evidence,
                firstSeen.isBefore(other.firstSeen) ? firstSeen : other.firstSeen,
                lastSeen.isAfter(other.lastSeen) ? lastSeen : other.lastSeen, occurrences + other.occurrences);
    }

    /** What makes two findings the same alert. */
    public Key key() {
        return new Key(device, type, dedupKey);
    }

    public record Key(MacAddress device, AlertType type, String dedupKey) {
    }

    /** Merges findings that are the same alert, keeping the first evidence. */
    public static Map<Key, Finding> merged(Iterable<Finding> findings) {
        Map<Key, Finding> byKey = new HashMap<>();
        for (Finding f : findings) {
            byKey.merge(f.key(), f, Finding::merge);
        }
        return byKey;
    }
}
