package io.homeshield.telemetry.flowexport;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.net.IpAddress;
import io.homeshield.net.MacAddress;
import io.homeshield.telemetry.wire.FlowEvent;

/**
 * Finds the router behind an exporter and the device behind each flow's LAN source address. Flows
 * towards a LAN device are the answers to its own connections and are not reported separately;
 * flows whose source is no device of the router (exported after NAT, or a host the router has not
 * reported yet) are counted as unmapped.
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
        for (FlowRecord flow : flows) {
            MacAddress device = hosts.knownDeviceAt(routerId, flow.source());
            if (device == null && hosts.knownDeviceAt(routerId, flow.destination()) != null) {
                // an answer to a known device: no need to read the host table again for its source
                inbound++;
                continue;
            }
            if (device == null) {
                device = hosts.deviceAt(routerId, flow.source());
            }
            if (device == null) {
                if (hosts.deviceAt(routerId, flow.destination()) != null) {
                    inbound++;
                } else {
                    unmapped++;
                }
                continue;
            }
            FlowEvent event = FlowEvents.from(device, flow);
            if (event == null) {
                unsupported++;
                continue;
            }
            batches.add(routerId, event);
            mapped++;
        }
        metrics.flows("mapped", mapped);
        metrics.flows("inbound", inbound);
        metrics.flows("unmapped-source", unmapped);
        metrics.flows("unsupported-protocol", unsupported);
    }
}
