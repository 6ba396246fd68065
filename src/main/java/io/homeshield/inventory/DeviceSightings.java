package io.homeshield.inventory;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.net.MacAddress;

/**
 * Applies a batch of sightings to a router's inventory: one query reads all its devices, new MACs
 * become devices, and changed devices are written back in JDBC batches at commit.
 */
@ApplicationScoped
public class DeviceSightings {

    private final VendorRegistry vendors;
    private final DeviceTypeGuesser types;

    DeviceSightings(VendorRegistry vendors, DeviceTypeGuesser types) {
        this.vendors = vendors;
        this.types = types;
    }

    /** Returns every device of the router after the sightings, by MAC. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<MacAddress, Device> apply(Router router, List<Sighting> sightings) {
        Map<MacAddress, Device> devices = new HashMap<>();
        for (Device device : Device.<Device>list("routerId", router.id)) {
            devices.put(device.macAddress(), device);
        }
        // A batch sights each device many times; its type is guessed from its vendor once per vendor.
        Map<String, DeviceType> byVendor = new HashMap<>();
        for (Sighting sighting : sightings) {
            Device device = devices.get(sighting.mac());
            if (device == null) {
                device = new Device(router, sighting.mac(), sighting.at());
                device.vendor = vendors.vendorOf(sighting.mac()).orElse(null);
                update(device, sighting, byVendor);
                device.persist();
                devices.put(sighting.mac(), device);
            } else {
                update(device, sighting, byVendor);
            }
        }
        return devices;
    }

    private void update(Device device, Sighting sighting, Map<String, DeviceType> byVendor) {
        Instant at = sighting.at();
        if (at.isBefore(device.lastSeen)) {
            return;
        }
        device.lastSeen = at;
        device.online = sighting.online();
        if (sighting.ip() != null) {
            device.ipAddress = sighting.ip().value();
        }
        if (sighting.hostname() != null && !sighting.hostname().isBlank()
                && !sighting.hostname().equals(device.hostname)) {
            device.hostname = sighting.hostname();
            if (device.type == DeviceType.UNKNOWN) {
                device.type = types.guess(device.vendor, device.hostname);
            }
        }
        if (device.type == DeviceType.UNKNOWN && device.vendor != null && device.hostname == null) {
            device.type = byVendor.computeIfAbsent(device.vendor, vendor -> types.guess(vendor, null));
        }
    }
}
