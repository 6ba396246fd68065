package io.homeshield.intel;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

/**
 * Reads one indicator written as text, as lists and CSV columns carry them: an IP address, a CIDR
 * range, a host name, or a URL. A URL condemns its host only when the host is an IP address: a
 * payload on a shared host (a code or file hosting service) does not make the host malicious.
 */
final class IndicatorText {

    private IndicatorText() {
    }

    /** Adds what {@code text} names; notes it as unreadable (at {@code where}) if it names nothing. */
    static void add(String text, Validity validity, FeedIndicators.Builder into, String where) {
        String value = text.strip();
        if (value.contains("://")) {
            addUrlHost(value, validity, into, where);
            return;
        }
        if (value.startsWith("*.")) {
            value = value.substring(2);
        } else if (value.startsWith(".")) {
            value = value.substring(1);
        }
        try {
            if (IpAddress.isValid(value) || Cidr.looksLikeCidr(value)) {
                into.addressOrRange(value, validity);
            } else {
                into.domain(DomainName.of(value), validity);
            }
        } catch (IllegalArgumentException e) {
            into.unreadable(where, "'" + abbreviate(value) + "' is not a host name, address or range");
        }
    }

    /** Adds the host of {@code url} if it is an IP address; a URL on a named host adds nothing. */
    static void addUrlHost(String url, Validity validity, FeedIndicators.Builder into, String where) {
        String host = hostOf(url);
        if (host == null) {
            into.unreadable(where, "'" + abbreviate(url) + "' is not a URL");
        } else if (IpAddress.isValid(host)) {
            into.address(IpAddress.of(host), validity);
        }
    }

    /**
     * The host of a URL, without user info, port or IPv6 brackets; null if the text has no host.
     * Read by hand rather than by {@link java.net.URI}, which refuses the unescaped characters
     * malware URLs often carry.
     */
    static String hostOf(String url) {
        int scheme = url.indexOf("://");
        if (scheme <= 0) {
            return null;
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close > 1 ? host.substring(1, close) : null;
        }
        int port = host.indexOf(':');
        if (port >= 0) {
            host = host.substring(0, port);
        }
        return host.isEmpty() ? null : host;
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
