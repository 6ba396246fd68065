package io.homeshield.intel.rpz;

import java.time.Instant;

/**
 * One version of the zone as served.
 *
 * @param names host names blocked
 * @param skipped names left out because they are not valid DNS names
 * @param allowed names left out or let through by the allow-list
 */
public record RpzZone(long serial, byte[] text, String contentHash, int names, int skipped, int allowed,
        Instant changedAt) {

    public String etag() {
        return "\"" + serial + "-" + contentHash.substring(0, 16) + "\"";
    }

    public int bytes() {
        return text.length;
    }
}
