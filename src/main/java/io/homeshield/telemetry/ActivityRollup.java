package io.homeshield.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.homeshield.inventory.ActivityCounts;
import io.homeshield.inventory.DestinationCounts;
import io.homeshield.inventory.Device;
import io.homeshield.net.MacAddress;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.TelemetryEvent;

/**
 * Sums batches' flows and lookups per device and hour, and per device, day and destination. A
 * flow's destination is the name the router's devices last looked up for that address, else the
 * address itself. Sums saturate at the largest long rather than wrap.
 */
final class ActivityRollup {

    private static final long SECONDS_PER_HOUR = 3_600;
    private static final long SECONDS_PER_DAY = 86_400;

    private final Map<HourKey, long[]> hours = new HashMap<>();
    private final Map<DestinationKey, long[]> destinations = new HashMap<>();

    private record HourKey(UUID deviceId, long epochHour) {
    }

    private record DestinationKey(UUID deviceId, long epochDay, String destination) {
    }

    static ActivityRollup of(UUID routerId, List<TelemetryEvent> events, Map<MacAddress, Device> devices,
            Instant sentAt, AddressNames names) {
        ActivityRollup rollup = new ActivityRollup();
        rollup.add(routerId, events, devices, sentAt, names);
        return rollup;
    }

    /** Adds one more batch's sums: the batches of a group meet in one row per device and hour, and per destination. */
    void add(UUID routerId, List<TelemetryEvent> events, Map<MacAddress, Device> devices, Instant sentAt,
            AddressNames names) {
        // What this batch looked up, by answer; the last lookup of an address names it.
        Map<String, String> looked = new HashMap<>();
        for (TelemetryEvent event : events) {
            if (event instanceof DnsEvent dns && dns.answers() != null) {
                String name = null;
                for (String answer : dns.answers()) {
                    if (name == null) {
                        name = dns.query().toLowerCase(Locale.ROOT);
                    }
                    looked.put(answer, name);
                }
            }
        }
        names.rememberAll(routerId, looked);
        // A batch names a handful of devices thousands of times: each MAC text is looked up once.
        Map<String, Device> deviceOf = new HashMap<>();
        for (TelemetryEvent event : events) {
            if (event instanceof FlowEvent flow) {
                Device device = device(deviceOf, devices, flow.mac());
                if (device != null && flow.isInbound()) {
                    // a remote host reaching the device's forwarded service: the device's traffic, not a destination
                    addTraffic(device.id, flow);
                } else if (device != null) {
                    addFlow(device.id, flow, destination(routerId, flow.dstIp(), looked, names));
                }
            } else if (event instanceof DnsEvent dns) {
                Device device = device(deviceOf, devices, dns.mac());
                if (device != null) {
                    hour(device.id, dns.at() != null ? dns.at() : sentAt)[3]++;
                }
            }
        }
    }

    /** Adds another roll-up's sums (batches coalesced until their flush meet in one row each). */
    void addAll(ActivityRollup other) {
        other.hours.forEach((k, v) -> {
            long[] sum = hours.computeIfAbsent(k, x -> new long[4]);
            for (int i = 0; i < 4; i++) {
                sum[i] = saturatedSum(sum[i], v[i]);
            }
        });
        other.destinations.forEach((k, v) -> {
            long[] sum = destinations.computeIfAbsent(k, x -> new long[2]);
            sum[0] = saturatedSum(sum[0], v[0]);
            sum[1] = saturatedSum(sum[1], v[1]);
        });
    }

    /** Rows this roll-up writes: per device and hour, and per device, day and destination. */
    int hourRows() {
        return hours.size();
    }

    int destinationRows() {
        return destinations.size();
    }

    private static Device device(Map<String, Device> deviceOf, Map<MacAddress, Device> devices, String mac) {
        Device device = deviceOf.get(mac);
        if (device == null && !deviceOf.containsKey(mac)) {
            device = devices.get(MacAddress.of(mac));
            deviceOf.put(mac, device);
        }
        return device;
    }

    /**
     * The name for the address, remembered in {@code looked} for the rest of the batch (the address
     * itself if none).
     */
    private static String destination(UUID routerId, String address, Map<String, String> looked, AddressNames names) {
        String name = looked.get(address);
        if (name == null) {
            name = names.nameOf(routerId, address);
            looked.put(address, name != null ? name : address);
            return name != null ? name : address;
        }
        return name;
    }

    private void addFlow(UUID deviceId, FlowEvent flow, String destination) {
        addTraffic(deviceId, flow);
        long[] dest = destinations.computeIfAbsent(new DestinationKey(deviceId,
                Math.floorDiv(flow.start().getEpochSecond(), SECONDS_PER_DAY), destination), k -> new long[2]);
        dest[0] = saturatedSum(dest[0], saturatedSum(flow.bytesOut(), flow.bytesIn()));
        dest[1]++;
    }

    private void addTraffic(UUID deviceId, FlowEvent flow) {
        long[] hour = hour(deviceId, flow.start());
        hour[0] = saturatedSum(hour[0], flow.bytesOut());
        hour[1] = saturatedSum(hour[1], flow.bytesIn());
        hour[2]++;
    }

    /** Counts are never negative; a sum past the largest long stays at it, as the roll-up's columns do. */
    static long saturatedSum(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    private long[] hour(UUID deviceId, Instant at) {
        return hours.computeIfAbsent(new HourKey(deviceId, Math.floorDiv(at.getEpochSecond(), SECONDS_PER_HOUR)),
                k -> new long[4]);
    }

    List<ActivityCounts> activity() {
        List<ActivityCounts> out = new ArrayList<>(hours.size());
        hours.forEach((k, v) -> out.add(new ActivityCounts(k.deviceId(),
                Instant.ofEpochSecond(k.epochHour() * SECONDS_PER_HOUR), v[0], v[1], v[2], v[3])));
        return out;
    }

    List<DestinationCounts> destinations() {
        List<DestinationCounts> out = new ArrayList<>(destinations.size());
        destinations.forEach((k, v) -> out.add(new DestinationCounts(k.deviceId(), LocalDate.ofEpochDay(k.epochDay()),
                k.destination(), v[0], v[1])));
        return out;
    }
}
