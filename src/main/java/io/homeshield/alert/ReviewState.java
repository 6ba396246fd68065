package io.homeshield.alert;

/** An analyst's verdict on a household's "not a threat". */
public enum ReviewState {
    PENDING,
    /** Harmless indeed: the pattern may be suppressed fleet-wide. */
    CONFIRMED,
    /** A real threat after all. */
    REJECTED
}
