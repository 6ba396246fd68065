package io.homeshield.intel;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

/**
 * An indicator as an analyst types it or an alert names it, checked and normalised: a host name
 * with at least two labels (a bare top-level name would condemn everything under it), an IP
 * address, or a CIDR range no wider than a /8 (IPv4) or /32 (IPv6).
 */
record IndicatorInput(IndicatorKind kind, String value) {

    static IndicatorInput parse(String field, String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.invalid(field, "name a host, an IP address or a CIDR range");
        }
        String value = text.strip();
        if (value.contains("://")) {
            String host = IndicatorText.hostOf(value);
            if (host == null || !IpAddress.isValid(host)) {
                throw ProblemException.invalid(field, "a URL on a named host condemns one file, not the host;"
                        + " enter the host name if the whole host is malicious");
            }
            value = host;
        }
        if (IpAddress.isValid(value)) {
            return new IndicatorInput(IndicatorKind.IP, IpAddress.of(value).value());
        }
        if (Cidr.looksLikeCidr(value)) {
            return range(field, value);
        }
        try {
            DomainName name = DomainName.of(value);
            if (name.parent() == null) {
                throw ProblemException.invalid(field, "'" + name
                        + "' is a top-level name; name a host or a domain under it");
            }
            return new IndicatorInput(IndicatorKind.DOMAIN, name.value());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "'" + IndicatorText.abbreviate(value)
                    + "' is not a host name, an IP address or a CIDR range");
        }
    }

    private static IndicatorInput range(String field, String value) {
        Cidr range;
        try {
            range = Cidr.parse(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, e.getMessage());
        }
        if (range.length() < (range.v6() ? 32 : 8)) {
            throw ProblemException.invalid(field, "the range " + range + " is too wide to condemn");
        }
        return range.isSingleAddress()
                ? new IndicatorInput(IndicatorKind.IP, range.value().substring(0, range.value().indexOf('/')))
                : new IndicatorInput(IndicatorKind.CIDR, range.value());
    }

    void addTo(FeedIndicators.Builder feed, Validity validity) {
        switch (kind) {
            case DOMAIN -> feed.domain(DomainName.of(value), validity);
            case IP, CIDR -> feed.addressOrRange(value, validity);
        }
    }
}
