package io.homeshield.routers.genieacs;

/** What became of a task posted with a connection request; a task that faulted is reported as an exception. */
enum TaskOutcome {
    /** The router ran it in the session the connection request opened (HTTP 200). */
    DONE,
    /** The router did not open a session in time; the task waits in the ACS for its next inform (HTTP 202). */
    QUEUED
}
