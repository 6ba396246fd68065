package io.homeshield.portal;

import io.homeshield.alert.Alert;

/** An alert in a list, with the name of the device it concerns. */
public record AlertRow(Alert alert, String deviceName) {
}
