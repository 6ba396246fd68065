package io.homeshield.fleet.remediation;

/** Where one router of a job stands. */
public enum TargetState {
    /** Not sent yet. */
    PENDING,
    /** Sent; waiting for the router to confirm. */
    RUNNING,
    /** Confirmed by reading the router back (or nothing needed doing). */
    DONE,
    /** The router refused or could not be reached. */
    FAILED,
    /** The router took the command but has not come back online. */
    NOT_BACK
}
