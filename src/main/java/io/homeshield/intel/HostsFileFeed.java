package io.homeshield.intel;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

/**
 * Reads a blocklist in hosts-file format: an address (usually {@code 0.0.0.0} or
 * {@code 127.0.0.1}) followed by the names sent there, {@code #} comments. The address only says
 * where the list's users send the names; the names are the indicators. The entries every hosts
 * file carries for the machine itself ({@code localhost}, {@code ip6-allnodes}) are not.
 */
final class HostsFileFeed implements FeedParser {

    private static final Set<String> LOCAL_NAMES = Set.of("localhost", "localhost.localdomain", "local",
            "broadcasthost", "ip6-localhost", "ip6-loopback", "ip6-localnet", "ip6-mcastprefix", "ip6-allnodes",
            "ip6-allrouters", "ip6-allhosts", "0.0.0.0");

    @Override
    public void read(BufferedReader lines, FeedIndicators.Builder into) throws IOException {
        FeedLines.forEachEntry(lines, (entry, where) -> readEntry(entry, where, into));
    }

    private static void readEntry(String entry, String where, FeedIndicators.Builder into) {
        String[] fields = entry.split("\\s+");
        if (!IpAddress.isValid(fields[0]) || fields.length < 2) {
            into.unreadable(where, "'" + IndicatorText.abbreviate(entry)
                    + "' is not a hosts entry (an address, then host names)");
            return;
        }
        for (int i = 1; i < fields.length; i++) {
            String name = fields[i];
            if (LOCAL_NAMES.contains(name.toLowerCase(Locale.ROOT)) || IpAddress.isValid(name)) {
                continue;
            }
            try {
                into.domain(DomainName.of(name));
            } catch (IllegalArgumentException e) {
                into.unreadable(where, "'" + IndicatorText.abbreviate(name) + "' is not a host name");
            }
        }
    }
}
