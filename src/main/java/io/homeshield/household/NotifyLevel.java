package io.homeshield.household;

/** Which new alerts a member wants to be told about while the portal is open. */
public enum NotifyLevel {
    /** Every new alert. */
    ALL,
    /** Serious alerts only (high and critical). */
    SERIOUS,
    /** None; the pages still show every alert. */
    NONE;

    public boolean wants(boolean serious) {
        return this == ALL || this == SERIOUS && serious;
    }
}
