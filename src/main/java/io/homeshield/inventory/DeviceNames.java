package io.homeshield.inventory;

/** How people name a device and its maker: the short maker name people know, the legal one only on the details. */
public final class DeviceNames {

    private DeviceNames() {
    }

    /** "Hikvision" for "Hangzhou Hikvision Digital Technology Co.,Ltd."; null when the maker is unknown. */
    public static String maker(Device device) {
        return MakerNames.shortName(device.vendor);
    }

    /** The person's label, else the name the device gives itself, else its maker's short name. */
    public static String friendlyName(Device device) {
        if (device.userLabel != null && !device.userLabel.isBlank()) {
            return device.userLabel;
        }
        if (device.hostname != null && !device.hostname.isBlank()) {
            return device.hostname;
        }
        return device.vendor != null ? maker(device) + " device" : device.displayName();
    }
}
