package io.homeshield.intel;

import java.io.BufferedReader;
import java.io.IOException;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

/**
 * Reads host indicators from a blocklist in AdBlock syntax as URLhaus publishes it: {@code !}
 * comments, bare host names and IPs (the whole host is malicious), {@code ||host^} rules, and
 * {@code ||host/path^$all} rules that condemn one URL. A URL rule makes its host an indicator only
 * when the host is an IP address: a shared host (a code or file hosting service) serving one bad
 * file is not itself malicious.
 */
final class AdblockHostFeed implements FeedParser {

    @Override
    public void read(BufferedReader lines, FeedIndicators.Builder into) throws IOException {
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            String rule = line.strip();
            if (rule.isEmpty() || rule.startsWith("!") || rule.startsWith("#") || rule.startsWith("[Adblock")) {
                continue;
            }
            if (!add(rule, into)) {
                into.unreadable("line " + number, "'" + IndicatorText.abbreviate(rule) + "' is not a host rule");
            }
        }
    }

    private static boolean add(String rule, FeedIndicators.Builder into) {
        boolean urlRule = false;
        String host = rule;
        if (host.startsWith("||")) {
            host = host.substring(2);
            int options = host.indexOf('$');
            if (options >= 0) {
                host = host.substring(0, options);
            }
            if (host.endsWith("^")) {
                host = host.substring(0, host.length() - 1);
            }
            int path = host.indexOf('/');
            if (path >= 0) {
                urlRule = true;
                host = host.substring(0, path);
            }
        }
        int port = host.lastIndexOf(':');
        if (port > 0 && host.indexOf(':') == port) {
            host = host.substring(0, port);
        }
        if (IpAddress.isValid(host)) {
            into.address(IpAddress.of(host));
            return true;
        }
        if (urlRule) {
            return true;
        }
        try {
            into.domain(DomainName.of(host));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
