package io.homeshield.telemetry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.homeshield.inventory.ActivityCounts;
import io.homeshield.inventory.DestinationCounts;
import io.homeshield.inventory.Device;
import io.homeshield.net.MacAddress;
import io.homeshield.telemetry.wire.DnsEvent;
import io.homeshield.telemetry.wire.FlowEvent;
import io.homeshield.telemetry.wire.TelemetryEvent;

/**
 * Sums one batch's flows and lookups per device and hour, and per device, day and destination. A
 * flow's destination is the name the router's devices last looked up for that address, else the
 * address itself.
 */
final class ActivityRollup {

    private final Map<HourKey, long[]> hours = new HashMap<>();
    private final Map<DestinationKey, long[]> destinations = new HashMap<>();

    private record HourKey(UUID deviceId, Instant hour) {
    }

    private record DestinationKey(UUID deviceId, LocalDate day, String destination) {
    }

    static ActivityRollup of(UUID routerId, List<TelemetryEvent> events, Map<MacAddress, Device> devices,
            Instant sentAt, AddressNames names) {
        ActivityRollup rollup = new ActivityRollup();
        for (TelemetryEvent event : events) {
            if (event instanceof DnsEvent dns && dns.answers() != null) {
                for (String answer : dns.answers()) {
                    names.remember(routerId, answer, dns.query().toLowerCase());
                }
            }
        }
        for (TelemetryEvent event : events) {
            if (event instanceof FlowEvent flow) {
                Device device = devices.get(MacAddress.of(flow.mac()));
                if (device != null) {
                    String name = names.nameOf(routerId, flow.dstIp());
                    rollup.addFlow(device.id, flow, name != null ? name : flow.dstIp());
                }
            } else if (event instanceof DnsEvent dns) {
                Device device = devices.get(MacAddress.of(dns.mac()));
                if (device != null) {
                    rollup.hour(device.id, dns.at() != null ? dns.at() : sentAt)[3]++;
                }
            }
        }
        return rollup;
    }

    private void addFlow(UUID deviceId, FlowEvent flow, String destination) {
        long[] hour = hour(deviceId, flow.start());
        hour[0] += flow.bytesOut();
        hour[1] += flow.bytesIn();
        hour[2]++;
        long[] dest = destinations.computeIfAbsent(
                new DestinationKey(deviceId, LocalDate.ofInstant(flow.start(), ZoneOffset.UTC), destination),
                k -> new long[2]);
        dest[0] += flow.bytesOut() + flow.bytesIn();
        dest[1]++;
    }

    private long[] hour(UUID deviceId, Instant at) {
        return hours.computeIfAbsent(new HourKey(deviceId, at.truncatedTo(ChronoUnit.HOURS)), k -> new long[4]);
    }

    List<ActivityCounts> activity() {
        List<ActivityCounts> out = new ArrayList<>(hours.size());
        hours.forEach((k, v) -> out.add(new ActivityCounts(k.deviceId(), k.hour(), v[0], v[1], v[2], v[3])));
        return out;
    }

    List<DestinationCounts> destinations() {
        List<DestinationCounts> out = new ArrayList<>(destinations.size());
        destinations.forEach((k, v) -> out.add(new DestinationCounts(k.deviceId(), k.day(), k.destination(), v[0], v[1])));
        return out;
    }
}
