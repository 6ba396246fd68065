package io.homeshield.portal;

import io.homeshield.inventory.Device;
import io.homeshield.inventory.DeviceNames;
import io.quarkus.qute.TemplateExtension;

/** How pages name a device and its maker: the short maker name people know, the legal one only on the details. */
@TemplateExtension
public final class DeviceWords {

    private DeviceWords() {
    }

    /** "Hikvision" for "Hangzhou Hikvision Digital Technology Co.,Ltd."; null when the maker is unknown. */
    public static String maker(Device device) {
        return DeviceNames.maker(device);
    }

    /** The maker's name as registered, where it says more than the short one. */
    public static String legalMaker(Device device) {
        String maker = maker(device);
        return device.vendor == null || device.vendor.strip().equals(maker) ? null : device.vendor.strip();
    }

    /** The person's label, else the name the device gives itself, else its maker's short name. */
    public static String friendlyName(Device device) {
        return DeviceNames.friendlyName(device);
    }
}
