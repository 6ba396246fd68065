package io.homeshield.fleet.remediation;

/** A job as the list of jobs shows it, with how many routers it is for. */
public record JobRow(RemediationJob job, int routers) {
}
