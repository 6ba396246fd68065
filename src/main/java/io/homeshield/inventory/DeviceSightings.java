package io.homeshield.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.net.MacAddress;

/**
 * Applies a batch of sightings to a router's inventory: one query reads all its devices, new MACs
 * become devices, and changed devices are written back in JDBC batches at commit. A device first
 * seen after the router's {@link #INITIAL_INVENTORY first hour} whose MAC no router of the
 * household has seen has joined the network; what a router reports in its first hour is the
 * household's inventory, not news.
 *
 * <p>A router reports its devices in every batch; a device is written only when something a person
 * sees changes (online state, address, name) or its last sighting moves on by {@link #LAST_SEEN_STEP}
 * or more, so a quiet home's batches update no device at all.
 */
@ApplicationScoped
public class DeviceSightings {

    static final Duration INITIAL_INVENTORY = Duration.ofHours(1);

    /** How far a device's last sighting moves before it is written when nothing else about it changed. */
    static final Duration LAST_SEEN_STEP = Duration.ofMinutes(1);

    private final VendorRegistry vendors;
    private final DeviceTypeGuesser types;

    DeviceSightings(VendorRegistry vendors, DeviceTypeGuesser types) {
        this.vendors = vendors;
        this.types = types;
    }

    /** Returns every device of the router after the sightings, by MAC. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<MacAddress, Device> apply(Router router, List<Sighting> sightings) {
        return applyNoting(router, sightings, Integer.MAX_VALUE).devices();
    }

    /**
     * Applies the sightings and tells which devices joined the household's network with them. A
     * router keeps at most {@code maxDevices} devices: MACs beyond them are not stored, only
     * returned in {@link Applied#overCap()}, so a router cannot fill the inventory with made-up MACs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Applied applyNoting(Router router, List<Sighting> sightings, int maxDevices) {
        Map<MacAddress, Device> devices = new HashMap<>();
        for (Device device : Device.<Device>list("routerId", router.id)) {
            devices.put(device.macAddress(), device);
        }
        return applyNoting(router, devices, sightings, maxDevices);
    }

    /**
     * Every device of each of the routers, by router and MAC, read with one query: a caller applying
     * several routers' batches together hands each router's map to
     * {@link #applyNoting(Router, Map, List, int)}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Map<MacAddress, Device>> devicesOf(Collection<UUID> routerIds) {
        Map<UUID, Map<MacAddress, Device>> out = new HashMap<>();
        for (UUID routerId : routerIds) {
            out.put(routerId, new HashMap<>());
        }
        if (!routerIds.isEmpty()) {
            for (Device device : Device.<Device>list("routerId in ?1", routerIds)) {
                out.get(device.routerId).put(device.macAddress(), device);
            }
        }
        return out;
    }

    /**
     * Applies the sightings to the router's devices read before ({@code devices}, all of them, by
     * MAC), which it updates: new devices are added to it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Applied applyNoting(Router router, Map<MacAddress, Device> devices, List<Sighting> sightings,
            int maxDevices) {
        Instant inventorySince = null;
        for (Device device : devices.values()) {
            inventorySince = inventorySince == null || device.firstSeen.isBefore(inventorySince) ? device.firstSeen
                    : inventorySince;
        }
        List<Device> created = new ArrayList<>();
        Set<MacAddress> overCap = new HashSet<>();
        // A batch sights each device many times; its type is guessed from its vendor once per vendor.
        Map<String, DeviceType> byVendor = new HashMap<>();
        for (Sighting sighting : sightings) {
            Device device = devices.get(sighting.mac());
            if (device == null && devices.size() >= maxDevices) {
                overCap.add(sighting.mac());
            } else if (device == null) {
                device = new Device(router, sighting.mac(), sighting.at());
                device.vendor = vendors.vendorOf(sighting.mac()).orElse(null);
                update(device, sighting, byVendor);
                device.persist();
                devices.put(sighting.mac(), device);
                created.add(device);
            } else {
                update(device, sighting, byVendor);
            }
        }
        return new Applied(devices, joined(router, created, inventorySince), overCap);
    }

    private static List<Device> joined(Router router, List<Device> created, Instant inventorySince) {
        if (created.isEmpty() || inventorySince == null) {
            return List.of();
        }
        Instant inventoryUntil = inventorySince.plus(INITIAL_INVENTORY);
        List<Device> joined = new ArrayList<>();
        Set<String> macs = new HashSet<>();
        for (Device device : created) {
            if (device.firstSeen.isAfter(inventoryUntil)) {
                joined.add(device);
                macs.add(device.mac);
            }
        }
        if (!joined.isEmpty()) {
            // A device roaming between the household's routers (a mesh, a second access point) is not new.
            Set<String> elsewhere = new HashSet<>(Device.getEntityManager()
                    .createQuery("select d.mac from Device d where d.householdId = ?1 and d.routerId <> ?2"
                            + " and d.mac in ?3", String.class)
                    .setParameter(1, router.householdId).setParameter(2, router.id).setParameter(3, macs)
                    .getResultList());
            joined.removeIf(d -> elsewhere.contains(d.mac));
        }
        return joined;
    }

    /**
     * Every device of the router after the sightings, those among them new to the household, and the
     * MACs not stored because the router already had as many devices as it may.
     */
    public record Applied(Map<MacAddress, Device> devices, List<Device> joined, Set<MacAddress> overCap) {
    }

    private void update(Device device, Sighting sighting, Map<String, DeviceType> byVendor) {
        Instant at = sighting.at();
        if (at.isBefore(device.lastSeen)) {
            return;
        }
        boolean newName = sighting.hostname() != null && !sighting.hostname().isBlank()
                && !sighting.hostname().equals(device.hostname);
        boolean changed = newName || sighting.online() != device.online
                || sighting.ip() != null && !sighting.ip().value().equals(device.ipAddress);
        if (changed || !at.isBefore(device.lastSeen.plus(LAST_SEEN_STEP))) {
            device.lastSeen = at;
        }
        device.online = sighting.online();
        if (sighting.ip() != null) {
            device.ipAddress = sighting.ip().value();
        }
        if (newName) {
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
