package io.homeshield.portal;

import io.homeshield.inventory.Device;

/** A device in a list, with what needs saying about it at a glance. */
public record DeviceRow(Device device, boolean quarantined, boolean flagged) {
}
