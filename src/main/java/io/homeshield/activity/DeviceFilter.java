package io.homeshield.activity;

import java.util.Optional;

import io.homeshield.inventory.DeviceType;

/** Which devices a list shows; empty parts do not filter, and the text matches names and addresses. */
public record DeviceFilter(Optional<Boolean> online, Optional<Boolean> quarantined, Optional<DeviceType> type,
        String text) {

    public static final DeviceFilter ALL = new DeviceFilter(Optional.empty(), Optional.empty(), Optional.empty(), null);
}
