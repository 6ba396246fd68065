package io.homeshield.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.homeshield.net.MacAddress;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;

/**
 * What one device behind one router did in one batch: its lookups, the connections it opened
 * ({@code flows}) and the connections remote hosts opened to it ({@code inbound}, kept apart so
 * that nothing done to the device counts as something it did); {@code reportedAt} stands in for
 * missing times, and {@code destinations} has the opened connections' destination addresses as numbers.
 */
public record DeviceActivity(UUID routerId, MacAddress device, List<DnsEvent> lookups, List<FlowEvent> flows,
        List<FlowEvent> inbound, Instant reportedAt, FlowDestinations destinations) {

    public DeviceActivity(UUID routerId, MacAddress device, List<DnsEvent> lookups, List<FlowEvent> flows,
            Instant reportedAt) {
        this(routerId, device, lookups, flows, new ArrayList<>(), reportedAt);
    }

    public DeviceActivity(UUID routerId, MacAddress device, List<DnsEvent> lookups, List<FlowEvent> flows,
            List<FlowEvent> inbound, Instant reportedAt) {
        this(routerId, device, lookups, flows, inbound, reportedAt, new FlowDestinations(flows));
    }

    static DeviceActivity empty(UUID routerId, MacAddress device, Instant reportedAt) {
        return new DeviceActivity(routerId, device, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                reportedAt);
    }

    Instant timeOf(DnsEvent lookup) {
        return lookup.at() != null ? lookup.at() : reportedAt;
    }
}
