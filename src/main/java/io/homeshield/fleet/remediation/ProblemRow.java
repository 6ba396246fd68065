package io.homeshield.fleet.remediation;

/** A router of a job that failed or did not come back, as the job page lists it. */
public record ProblemRow(String serialNumber, String model, String firmware, Integer wave, TargetState state,
        String detail) {
}
