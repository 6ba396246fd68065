package io.homeshield.admin;

import java.util.UUID;

import io.homeshield.alert.Alert;

/**
 * An alert found across the fleet, with the household and device it concerns.
 *
 * @param destination the malicious destination it names, which an analyst may promote to the
 *        provider's own feed; null if it names none (a victim, a resolver or a pattern)
 */
public record FleetAlertRow(Alert alert, UUID householdId, String accountNumber, String deviceName, String vendor,
        String destination) {
}
