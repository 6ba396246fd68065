package io.homeshield.provisioning;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.telemetry.flowexport.FlowExporter;

/** A registered flow exporter: datagrams from this address are read as the router's flows. */
@Schema(name = "ProvisionedFlowExporter")
public record ProvisionedFlowExporter(String address, UUID routerId, Instant registeredAt) {

    static ProvisionedFlowExporter of(FlowExporter exporter) {
        return new ProvisionedFlowExporter(exporter.address, exporter.routerId, exporter.registeredAt);
    }
}
