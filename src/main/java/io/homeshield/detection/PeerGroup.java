package io.homeshield.detection;

import java.util.Locale;

import io.homeshield.inventory.DeviceType;

/**
 * Devices of one manufacturer and type across the provider's households: a camera's peers are the same make of camera.
 */
record PeerGroup(String vendor, DeviceType type) {

    /** A number naming the group in the fleet's tables. */
    long key() {
        return (long) vendor.hashCode() << 32 ^ type.ordinal();
    }

    /** "Hangzhou Hikvision Digital Technology Co.,Ltd. camera". */
    String describe() {
        return vendor + " " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
