package io.homeshield.enforcement;

public enum ActionKind {
    /** Block one device on its router. */
    QUARANTINE,
    /** Lift a device's block. */
    RELEASE,
    /** Bring the router's list of blocked domains in line with the household's (router-wide; no device). */
    SYNC_DOMAIN_BLOCKS
}
