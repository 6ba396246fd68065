package io.homeshield.infra.outbound;

import java.net.InetAddress;

/**
 * A URL taken apart the way it will be used: scheme, host as written (lower case, no brackets),
 * port, path with query, and the address when the host is an address literal.
 */
public record OutboundTarget(String scheme, String host, int port, String pathAndQuery, InetAddress literal) {

    public boolean https() {
        return "https".equals(scheme);
    }

    /** The URL again, canonical: {@code https://host:port/path?query}. */
    public String url() {
        String shownHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        boolean defaultPort = port == (https() ? 443 : 80);
        return scheme + "://" + shownHost + (defaultPort ? "" : ":" + port) + pathAndQuery;
    }

    @Override
    public String toString() {
        return url();
    }
}
