package io.homeshield.routers.genieacs;

import io.homeshield.enforcement.RouterControlException;

/** What became of a task posted with a connection request; a task that faulted is reported as an exception. */
enum TaskOutcome {
    /** The router ran it in the session the connection request opened (HTTP 200). */
    DONE,
    /** The router did not open a session in time; the task waits in the ACS for its next inform (HTTP 202). */
    QUEUED,
    /**
     * The router opened its session but GenieACS stopped waiting for it to end (after 120 s) and answered
     * 202: the task runs in that session, so this is not a failure.
     */
    RUNNING;

    private static final String OFFLINE = "The router is offline: it did not answer the provider's management "
            + "system. HomeShield will try again";
    private static final String LONG_SESSION = "The router is still in a long session with the provider's management "
            + "system (ACS); the change is under way and HomeShield will check it again.";

    /** Why the caller cannot go on yet; {@code offlineTail} finishes the sentence for an offline router. */
    RouterControlException unfinished(String offlineTail) {
        return new RouterControlException(this == RUNNING ? LONG_SESSION : OFFLINE + offlineTail, true);
    }
}
