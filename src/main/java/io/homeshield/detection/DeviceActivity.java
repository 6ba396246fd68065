package io.homeshield.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.homeshield.net.MacAddress;
import io.homeshield.telemetry.wire.DnsEvent;
import io.homeshield.telemetry.wire.FlowEvent;

/** What one device did in one batch: its lookups and connections; {@code reportedAt} stands in for missing times. */
public record DeviceActivity(MacAddress device, List<DnsEvent> lookups, List<FlowEvent> flows, Instant reportedAt) {

    static DeviceActivity empty(MacAddress device, Instant reportedAt) {
        return new DeviceActivity(device, new ArrayList<>(), new ArrayList<>(), reportedAt);
    }

    Instant timeOf(DnsEvent lookup) {
        return lookup.at() != null ? lookup.at() : reportedAt;
    }
}
