package io.homeshield.fleet.remediation;

import java.util.UUID;

/** A router a job would reach, as the dry-run listing shows it. */
public record TargetRouter(UUID routerId, UUID householdId, String serialNumber, String model, String firmware,
        String channel) {
}
