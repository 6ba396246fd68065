package io.homeshield.enforcement;

/** Where an instruction to a router stands. */
public enum ActionState {
    /** Stored with the desired state; not yet sent. */
    REQUESTED,
    /** Sent to the router's management channel; no answer yet. */
    DISPATCHED,
    /** The router (or its ACS) confirmed the change. */
    APPLIED,
    /** Read back from the router and found as intended. */
    VERIFIED,
    /** Gave up; {@code lastError} says why. */
    FAILED;

    public boolean isFinal() {
        return this == APPLIED || this == VERIFIED || this == FAILED;
    }
}
