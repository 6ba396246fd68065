package io.homeshield.fleet.baseline;

/** What a baseline parameter's revert rule does when a router deviates from it. */
public enum RevertMode {
    /** Only shown as a deviation. */
    OFF,
    /** Records what it would put back, changes nothing. */
    DRY_RUN,
    /** Puts the baseline value back through the router's desired state, and tells the household. */
    ENFORCE
}
