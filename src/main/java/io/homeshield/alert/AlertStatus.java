package io.homeshield.alert;

/** Where an alert stands: open → acknowledged → resolved, or marked not a threat by the household. */
public enum AlertStatus {
    /** New, nobody has looked at it yet. */
    OPEN,
    /** Someone in the household has seen it; the behaviour may still go on. */
    ACKNOWLEDGED,
    /** Dealt with; a new occurrence opens it again. */
    RESOLVED,
    /** The household says it is harmless: the same pattern on the same device stays quiet. */
    NOT_A_THREAT;

    /** Still needs attention. */
    public boolean isActive() {
        return this == OPEN || this == ACKNOWLEDGED;
    }
}
