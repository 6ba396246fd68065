package io.homeshield.alert;

import java.util.List;
import java.util.Map;

import io.homeshield.inventory.Device;

/** The informative finding that a device joined a household's network: one per device, ever. */
public final class DeviceJoined {

    private DeviceJoined() {
    }

    public static Finding finding(Device device) {
        String vendor = device.vendor == null ? "" : device.vendor;
        String name = device.hostname == null ? "" : device.hostname;
        String described = (vendor + " " + name).strip();
        Map<String, Object> evidence = Map.of(
                "vendor", vendor,
                "name", name,
                "mac", device.mac,
                "joined", device.firstSeen.toString());
        return new Finding(device.macAddress(), AlertType.NEW_DEVICE, "joined",
                described.isEmpty() ? device.mac : described, evidence, device.firstSeen, device.firstSeen, 1);
    }

    public static List<Finding> findings(List<Device> joined) {
        return joined.stream().map(DeviceJoined::finding).toList();
    }
}
