package io.homeshield.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import io.homeshield.alert.Finding;
import io.homeshield.net.MacAddress;
import io.homeshield.telemetry.wire.DnsEvent;
import io.homeshield.telemetry.wire.FlowEvent;
import io.homeshield.telemetry.wire.TelemetryEvent;

/** Runs every detector over a batch of events, device by device, in memory. */
@ApplicationScoped
public class DetectionEngine {

    private final List<Detector> detectors;

    DetectionEngine(Instance<Detector> detectors) {
        this.detectors = detectors.stream().toList();
    }

    public List<Finding> inspect(UUID routerId, List<TelemetryEvent> events, Instant reportedAt) {
        Map<MacAddress, DeviceActivity> byDevice = new LinkedHashMap<>();
        for (TelemetryEvent event : events) {
            if (event instanceof DnsEvent dns) {
                activityOf(byDevice, routerId, dns.mac(), reportedAt).lookups().add(dns);
            } else if (event instanceof FlowEvent flow) {
                activityOf(byDevice, routerId, flow.mac(), reportedAt).flows().add(flow);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (DeviceActivity activity : byDevice.values()) {
            for (Detector detector : detectors) {
                detector.inspect(activity, findings::add);
            }
        }
        return findings;
    }

    private static DeviceActivity activityOf(Map<MacAddress, DeviceActivity> byDevice, UUID routerId, String mac,
            Instant reportedAt) {
        return byDevice.computeIfAbsent(MacAddress.of(mac), m -> DeviceActivity.empty(routerId, m, reportedAt));
    }
}
