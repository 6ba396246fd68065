package io.homeshield.detection;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.inventory.DeviceType;
import io.homeshield.inventory.DeviceTypeGuesser;
import io.homeshield.inventory.VendorRegistry;
import io.homeshield.net.MacAddress;

/**
 * Which peer group a device belongs to, read from its MAC alone so that detection needs no
 * database: the manufacturer of its IEEE assignment and the type that manufacturer makes. Only
 * devices whose traffic their maker decides (cameras, thermostats, speakers, plugs, printers,
 * other smart things) have peers worth comparing: what a laptop or phone contacts is up to its
 * user. Randomised addresses name no manufacturer and have no peers.
 */
@ApplicationScoped
class PeerGroups {

    static final Set<DeviceType> COMPARABLE = EnumSet.of(DeviceType.CAMERA, DeviceType.THERMOSTAT,
            DeviceType.SPEAKER, DeviceType.SMART_PLUG, DeviceType.PRINTER, DeviceType.IOT);

    private static final PeerGroup NONE = new PeerGroup("", DeviceType.UNKNOWN);

    private final VendorRegistry vendors;
    private final DeviceTypeGuesser types;
    /** By vendor name: a few thousand at most, as many as the IEEE registry names. */
    private final Map<String, PeerGroup> byVendor = new ConcurrentHashMap<>();

    PeerGroups(VendorRegistry vendors, DeviceTypeGuesser types) {
        this.vendors = vendors;
        this.types = types;
    }

    /** The device's peer group, or null when it has none worth comparing with. */
    PeerGroup of(MacAddress device) {
        if (device.isLocallyAdministered()) {
            return null;
        }
        PeerGroup group = vendors.vendorOf(device).map(vendor -> byVendor.computeIfAbsent(vendor, v -> {
            DeviceType type = types.guess(v, null);
            return COMPARABLE.contains(type) ? new PeerGroup(v, type) : NONE;
        })).orElse(NONE);
        return group == NONE ? null : group;
    }
}
