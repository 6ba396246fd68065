package io.homeshield.telemetry.flowexport;

import java.time.Clock;
import java.util.List;
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

    /** The router an address is registered to, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> holderOf(IpAddress address) {
        return routerAt(address);
    }

    /** The router's exporter addresses, oldest registration first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FlowExporter> of(UUID routerId) {
        return FlowExporter.list("routerId = ?1 order by registeredAt, address", routerId);
    }

    /** Stops accepting the router's datagrams from the address; false when it was not the router's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean remove(UUID routerId, IpAddress address) {
        boolean removed = FlowExporter.delete("address = ?1 and routerId = ?2", address.value(), routerId) > 0;
        directory.forget(address);
        return removed;
    }
}
