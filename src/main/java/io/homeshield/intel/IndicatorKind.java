package io.homeshield.intel;

public enum IndicatorKind {
    /** A host name; its subdomains match too. */
    DOMAIN,
    /** One IP address. */
    IP,
    /** A range of IP addresses in CIDR notation; every address in it matches. */
    CIDR
}
