package io.homeshield.telemetry.flowexport;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.net.IpAddress;

/**
 * Which router exports from which address. An address belongs to one router at a time: registering
 * it again moves it (a WAN address handed to another subscriber).
 */
@ApplicationScoped
public class FlowExporters {

    private final ExporterDirectory directory;
    private final Clock clock;

    FlowExporters(ExporterDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Transactional
    public void register(UUID routerId, IpAddress address) {
        FlowExporter exporter = FlowExporter.findById(address.value());
        if (exporter == null) {
            exporter = new FlowExporter();
            exporter.address = address.value();
            exporter.routerId = routerId;
            exporter.registeredAt = clock.instant();
            exporter.persist();
        } else {
            exporter.routerId = routerId;
            exporter.registeredAt = clock.instant();
        }
        directory.forget(address);
    }

    @Transactional
    Optional<UUID> routerAt(IpAddress address) {
        return FlowExporter.<FlowExporter>findByIdOptional(address.value()).map(e -> e.routerId);
    }
}
