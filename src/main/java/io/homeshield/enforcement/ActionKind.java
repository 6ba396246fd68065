package io.homeshield.enforcement;

public enum ActionKind {
    /** Block one device on its router. */
    QUARANTINE,
    /** Lift a device's block. */
    RELEASE,
    /** Bring the router's list of blocked domains in line with the household's (router-wide; no device). */
    SYNC_DOMAIN_BLOCKS,
    /** Set router parameters (TR-181 paths) to the values the provider's baseline wants. */
    SET_PARAMETERS,
    /** Restart the router; verified when it answers again. */
    REBOOT,
    /** Reset the router to its factory settings; verified when it answers again. */
    FACTORY_RESET,
    /** Download and install a firmware image; verified by the router's software version. */
    INSTALL_FIRMWARE,
    /** Collect evidence from the router (its settings, logs, processes); changes nothing on it. */
    COLLECT_EVIDENCE;

    /**
     * Whether the action is an operation on the router rather than desired state: a restart, reset or
     * firmware install that cannot reach its router is given up after a few attempts, because carrying
     * it out hours later would surprise the household and the job that asked for it.
     */
    public boolean operation() {
        return this == REBOOT || this == FACTORY_RESET || this == INSTALL_FIRMWARE || this == COLLECT_EVIDENCE;
    }

    /** Whether the action concerns the router as a whole rather than one device on it. */
    public boolean routerWide() {
        return this != QUARANTINE && this != RELEASE;
    }
}
