package io.homeshield.intel.rpz;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * How the zone answers: the zone's name, the walled-garden address (null: NXDOMAIN), the names
 * allowed whatever a feed says, and the SOA timers.
 */
record ZonePolicy(String zoneName, InetAddress walledGarden, List<String> allowList, long refreshSeconds,
        long ttlSeconds) {

    static ZonePolicy from(RpzConfig config) {
        InetAddress garden = config.walledGarden().filter(s -> !s.isBlank()).map(ZonePolicy::address).orElse(null);
        return new ZonePolicy(config.zoneName(), garden, config.allowList().orElse(List.of()),
                Math.max(1, config.refresh().toSeconds()), Math.max(0, config.ttl().toSeconds()));
    }

    /** The record type and data a blocked name answers with. */
    String action() {
        if (walledGarden == null) {
            return "CNAME .";
        }
        return (walledGarden instanceof Inet6Address ? "AAAA " : "A ") + walledGarden.getHostAddress();
    }

    private static InetAddress address(String literal) {
        String text = literal.strip();
        boolean looksLiteral = text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        try {
            if (looksLiteral) {
                InetAddress address = InetAddress.getByName(text);
                if (address instanceof Inet4Address || address instanceof Inet6Address) {
                    return address;
                }
            }
        } catch (UnknownHostException e) {
            // falls through to the refusal below
        }
        throw new IllegalArgumentException("homeshield.rpz.walled-garden must be an IPv4 or IPv6 address");
    }
}
