package io.homeshield.detection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.homeshield.net.IpAddress;
import io.homeshield.net.Ipv4Text;

/** A set of resolver addresses: single addresses (IPv4 or IPv6) and IPv4 ranges in CIDR notation. */
final class ResolverAddresses {

    private final Set<String> addresses = new HashSet<>();
    private final List<long[]> ranges = new ArrayList<>();

    /** Reads entries; a wrong one names itself in the exception. */
    ResolverAddresses(Collection<String> entries) {
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty() || entry.startsWith("#")) {
                continue;
            }
            int slash = entry.indexOf('/');
            if (slash < 0) {
                if (!IpAddress.isValid(entry)) {
                    throw new IllegalArgumentException("'" + entry + "' is not an IP address");
                }
                addresses.add(IpAddress.of(entry).value());
                continue;
            }
            long network = Ipv4Text.bits(entry.substring(0, slash));
            int length = parseLength(entry.substring(slash + 1));
            if (network < 0 || length < 0 || length > 32) {
                throw new IllegalArgumentException("'" + entry + "' is not an IPv4 range such as 192.0.2.0/24");
            }
            long mask = length == 0 ? 0 : (0xffffffffL << (32 - length)) & 0xffffffffL;
            ranges.add(new long[] { network & mask, mask });
        }
    }

    static ResolverAddresses bundled() {
        return new ResolverAddresses(BundledText.read("detection/public-resolvers.txt").lines().toList());
    }

    boolean contains(IpAddress address) {
        if (addresses.contains(address.value())) {
            return true;
        }
        if (address.isV4()) {
            long bits = address.v4Bits() & 0xffffffffL;
            for (long[] range : ranges) {
                if ((bits & range[1]) == range[0]) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int parseLength(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
