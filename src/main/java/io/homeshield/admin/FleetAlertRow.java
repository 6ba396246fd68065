package io.homeshield.admin;

import java.util.UUID;

import io.homeshield.alert.Alert;

/** An alert found across the fleet, with the household and device it concerns. */
public record FleetAlertRow(Alert alert, UUID householdId, String accountNumber, String deviceName, String vendor) {
}
