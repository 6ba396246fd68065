package io.homeshield.inventory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.homeshield.net.IpAddress;
import io.homeshield.net.MacAddress;

/**
 * The router saw a device: in its host table (with {@code active} and maybe address and name), or
 * through its traffic ({@code active} null: it is evidently online).
 */
public record Sighting(MacAddress mac, IpAddress ip, String hostname, Boolean active, Instant at) {

    /** The database keeps microseconds: a sighting at the time already stored must compare equal to it. */
    public Sighting {
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    public static Sighting traffic(MacAddress mac, Instant at) {
        return new Sighting(mac, null, null, null, at);
    }

    boolean online() {
        return active == null || active;
    }
}
