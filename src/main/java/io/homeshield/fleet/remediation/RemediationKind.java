package io.homeshield.fleet.remediation;

/** What a remediation job does to each router. */
public enum RemediationKind {
    /** Put every parameter that breaks the router's baseline back to the baseline value. */
    REVERT_CONFIG("Put settings back to the baseline"),
    REBOOT("Restart"),
    FACTORY_RESET("Reset to factory settings"),
    /** Install a firmware image (an upgrade, or a rollback to an earlier version). */
    FIRMWARE("Install firmware"),
    /** Collect evidence from each router (settings, logs, processes); changes nothing on it. */
    COLLECT_EVIDENCE("Collect evidence");

    private final String label;

    RemediationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the router goes away and must come back for the step to count as done. */
    public boolean restartsRouter() {
        return this != REVERT_CONFIG && this != COLLECT_EVIDENCE;
    }
}
