package io.homeshield.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import io.homeshield.alert.Finding;
import io.homeshield.net.MacAddress;
import io.homeshield.wire.DnsEvent;
import io.homeshield.wire.FlowEvent;

/** Crafted activity of one device, fed to a detector batch by batch. */
final class Traffic {

    static final MacAddress CAMERA = MacAddress.of("44:19:B6:4F:2A:01");
    static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final UUID routerId;
    private final MacAddress device;
    private final List<FlowEvent> flows = new ArrayList<>();
    private final List<DnsEvent> lookups = new ArrayList<>();

    private Traffic(UUID routerId, MacAddress device) {
        this.routerId = routerId;
        this.device = device;
    }

    static Traffic of(UUID routerId) {
        return new Traffic(routerId, CAMERA);
    }

    static Instant at(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    Traffic tcp(double seconds, String ip, int port) {
        return flow(new FlowEvent(device.value(), "tcp", ip, port, 300, 200, 3, 2, at(seconds), 800L));
    }

    Traffic syn(double seconds, String ip, int port, long sequence) {
        return flow(new FlowEvent(device.value(), "tcp", ip, port, 60, 0, 1, 0, at(seconds), 0L, sequence));
    }

    /** A connection the remote host opened to the device's port, as a router reports one through a port forward. */
    Traffic inbound(double seconds, String remote, int port, long size) {
        return flow(FlowEvent.inbound(device.value(), "tcp", remote, 40_000 + (int) (seconds % 20_000), "192.168.1.20",
                port, size / 2, size - size / 2, 10, 12, at(seconds), 2_500L));
    }

    Traffic flow(FlowEvent flow) {
        flows.add(flow);
        return this;
    }

    Traffic lookup(double seconds, String name, String rcode) {
        lookups.add(new DnsEvent(device.value(), name, "A", rcode, List.of(), at(seconds)));
        return this;
    }

    String mac() {
        return device.value();
    }

    /** Runs the detector over what was added since the last call, as one batch. */
    List<Finding> sendTo(Detector detector) {
        List<Finding> out = new ArrayList<>();
        Consumer<Finding> sink = out::add;
        Instant reported = flows.isEmpty() && lookups.isEmpty() ? T0 : latest();
        List<FlowEvent> outbound = new ArrayList<>();
        List<FlowEvent> inbound = new ArrayList<>();
        for (FlowEvent flow : flows) {
            (flow.isInbound() ? inbound : outbound).add(flow);
        }
        detector.inspect(new DeviceActivity(routerId, device, new ArrayList<>(lookups), outbound, inbound, reported),
                sink);
        flows.clear();
        lookups.clear();
        return out;
    }

    private Instant latest() {
        Instant latest = T0;
        for (FlowEvent f : flows) {
            latest = f.start().isAfter(latest) ? f.start() : latest;
        }
        for (DnsEvent d : lookups) {
            latest = d.at().isAfter(latest) ? d.at() : latest;
        }
        return latest;
    }
}
