package io.homeshield.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import io.homeshield.alert.Finding;
import io.homeshield.net.MacAddress;
import io.homeshield.wire.ConfigEvent;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;
import io.homeshield.wire.TelemetryEvent;

/**
 * Runs every detector over a batch of events, device by device, in memory, and every router
 * detector over the changes of the router's own settings. Notes first which households contact
 * which destinations, so detectors can tell rare destinations from popular ones.
 */
@ApplicationScoped
public class DetectionEngine {

    private final List<Detector> detectors;
    private final List<RouterDetector> routerDetectors;
    private final DestinationPopularity popularity;

    @Inject
    DetectionEngine(Instance<Detector> detectors, Instance<RouterDetector> routerDetectors,
            DestinationPopularity popularity) {
        this(detectors.stream().toList(), routerDetectors.stream().toList(), popularity);
    }

    DetectionEngine(List<Detector> detectors, DestinationPopularity popularity) {
        this(detectors, List.of(), popularity);
    }

    DetectionEngine(List<Detector> detectors, List<RouterDetector> routerDetectors, DestinationPopularity popularity) {
        this.detectors = List.copyOf(detectors);
        this.routerDetectors = List.copyOf(routerDetectors);
        this.popularity = popularity;
    }

    public List<Finding> inspect(UUID routerId, List<TelemetryEvent> events, Instant reportedAt) {
        // Keyed by the MAC as sent: parsing it once per device, not once per event.
        Map<String, DeviceActivity> byDevice = new HashMap<>();
        long household = DestinationPopularity.routerBit(routerId);
        List<ConfigEvent> settings = null;
        for (TelemetryEvent event : events) {
            if (event instanceof DnsEvent dns) {
                activityOf(byDevice, routerId, dns.mac(), reportedAt).lookups().add(dns);
            } else if (event instanceof FlowEvent flow && flow.isInbound()) {
                // what others do to the device: judged apart, never counted as the device's own connections
                activityOf(byDevice, routerId, flow.mac(), reportedAt).inbound().add(flow);
            } else if (event instanceof FlowEvent flow) {
                activityOf(byDevice, routerId, flow.mac(), reportedAt).flows().add(flow);
                long network = externalNetwork(flow.dstIp());
                if (network >= 0) {
                    popularity.record(network, household, flow.start().toEpochMilli());
                }
            } else if (event instanceof ConfigEvent change) {
                settings = settings == null ? new ArrayList<>() : settings;
                settings.add(change);
            }
        }
        List<Finding> findings = new ArrayList<>();
        if (settings != null) {
            for (RouterDetector detector : routerDetectors) {
                detector.inspect(routerId, settings, reportedAt, findings::add);
            }
        }
        for (DeviceActivity activity : merged(byDevice)) {
            for (Detector detector : detectors) {
                detector.inspect(activity, findings::add);
            }
        }
        return findings;
    }

    /** The destination's network ({@link AddressBits#network}) if it is on the internet, else -1; IPv4 read once. */
    private static long externalNetwork(String ip) {
        long v4 = AddressBits.ipv4(ip);
        if (v4 >= 0) {
            return AddressBits.isExternalV4(v4) ? v4 >>> 8 : -1;
        }
        return AddressBits.isExternal(ip) ? AddressBits.network(ip) : -1;
    }

    private static DeviceActivity activityOf(Map<String, DeviceActivity> byDevice, UUID routerId, String mac,
            Instant reportedAt) {
        DeviceActivity activity = byDevice.get(mac);
        if (activity == null) {
            activity = DeviceActivity.empty(routerId, MacAddress.of(mac), reportedAt);
            byDevice.put(mac, activity);
        }
        return activity;
    }

    /** One activity per device, even when its MAC was written in two spellings. */
    private static Iterable<DeviceActivity> merged(Map<String, DeviceActivity> byMacText) {
        if (byMacText.size() < 2) {
            return byMacText.values();
        }
        Map<MacAddress, DeviceActivity> byDevice = new HashMap<>();
        for (DeviceActivity activity : byMacText.values()) {
            DeviceActivity known = byDevice.putIfAbsent(activity.device(), activity);
            if (known != null) {
                known.lookups().addAll(activity.lookups());
                known.flows().addAll(activity.flows());
                known.inbound().addAll(activity.inbound());
            }
        }
        return byDevice.values();
    }
}
