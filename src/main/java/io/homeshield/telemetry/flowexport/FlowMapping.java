package io.homeshield.telemetry.flowexport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.net.IpAddress;
import io.homeshield.net.MacAddress;
import io.homeshield.wire.FlowEvent;

/**
 * Finds the router behind an exporter and the device behind each flow's LAN address. A flow from a
 * device is its own connection. A flow towards a device is either the answer to one of its own
 * connections (counted as {@code inbound}, not reported separately) or a connection a remote host
 * opened to a service of the device through a port forward ({@link InboundConnections}), handed on
 * as an inbound flow event; the device's own record of such a connection, its answer, is folded
 * into that event rather than reported as a connection of the device. Flows whose ends are no
 * device of the router (exported after NAT, or a host the router has not reported yet) are counted
 * as unmapped.
 */
@ApplicationScoped
class FlowMapping {

    private final ExporterDirectory exporters;
    private final HostTables hosts;
    private final FlowExportMetrics metrics;

    FlowMapping(ExporterDirectory exporters, HostTables hosts, FlowExportMetrics metrics) {
        this.exporters = exporters;
        this.hosts = hosts;
        this.metrics = metrics;
    }

    /** The router exporting from the address, or null. */
    UUID routerAt(IpAddress exporter) {
        return exporters.routerAt(exporter).orElse(null);
    }

    void toDevices(UUID routerId, List<FlowRecord> flows, RouterFlowBatches batches) {
        int mapped = 0;
        int inbound = 0;
        int unmapped = 0;
        int unsupported = 0;
        MacAddress[] devices = new MacAddress[flows.size()];
        // Connections opened to a device, by their ends; allocated only when a record shows one.
        Map<InboundConnections.Ends, Opened> opened = null;
        for (int i = 0; i < flows.size(); i++) {
            FlowRecord flow = flows.get(i);
            MacAddress device = hosts.knownDeviceAt(routerId, flow.source());
            if (device == null) {
                MacAddress target = hosts.knownDeviceAt(routerId, flow.destination());
                if (target == null) {
                    device = hosts.deviceAt(routerId, flow.source());
                    target = device == null ? hosts.deviceAt(routerId, flow.destination()) : null;
                }
                if (target != null) {
                    if (InboundConnections.opensService(flow)) {
                        opened = opened == null ? new HashMap<>() : opened;
                        opened.put(InboundConnections.Ends.ofInbound(flow), new Opened(target, flow));
                    } else {
                        inbound++;
                    }
                    continue;
                }
            }
            if (device == null) {
                unmapped++;
                continue;
            }
            devices[i] = device;
        }
        int answers = 0;
        for (int i = 0; i < flows.size(); i++) {
            if (devices[i] == null) {
                continue;
            }
            FlowRecord flow = flows.get(i);
            if (opened != null) {
                InboundConnections.Ends ends = InboundConnections.Ends.ofDeviceSide(flow);
                Opened connection = ends == null ? null : opened.get(ends);
                if (connection != null) {
                    connection.answer = flow;
                    answers++;
                    continue;
                }
            }
            FlowEvent event = FlowEvents.from(devices[i], flow);
            if (event == null) {
                unsupported++;
                continue;
            }
            batches.add(routerId, event);
            mapped++;
        }
        if (opened != null) {
            for (Opened connection : opened.values()) {
                batches.add(routerId, FlowEvents.inbound(connection.device, connection.request, connection.answer));
            }
        }
        metrics.flows("mapped", mapped);
        metrics.flows("inbound", inbound);
        metrics.flows("inbound-connection", opened == null ? 0 : opened.size());
        metrics.flows("inbound-answer", answers);
        metrics.flows("unmapped-source", unmapped);
        metrics.flows("unsupported-protocol", unsupported);
    }

    /**
     * A connection a remote host opened to a device, and the device's record of its answer if the same
     * export has it.
     */
    private static final class Opened {
        final MacAddress device;
        final FlowRecord request;
        FlowRecord answer;

        Opened(MacAddress device, FlowRecord request) {
            this.device = device;
            this.request = request;
        }
    }
}
