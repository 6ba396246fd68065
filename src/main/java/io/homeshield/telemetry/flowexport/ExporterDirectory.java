package io.homeshield.telemetry.flowexport;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.net.IpAddress;

/**
 * The router behind an exporter address, cached for a while so the database is not asked once per
 * datagram; unknown addresses are cached too, so a stranger's flood costs one query per interval.
 */
@ApplicationScoped
class ExporterDirectory {

    private record Entry(UUID routerId, long expiresAt) {
    }

    private final ConcurrentHashMap<IpAddress, Entry> cache = new ConcurrentHashMap<>();
    private final FlowExporters exporters;
    private final FlowExportConfig config;
    private final Clock clock;

    ExporterDirectory(FlowExporters exporters, FlowExportConfig config, Clock clock) {
        this.exporters = exporters;
        this.config = config;
        this.clock = clock;
    }

    Optional<UUID> routerAt(IpAddress address) {
        long now = clock.millis();
        Entry entry = cache.get(address);
        if (entry == null || entry.expiresAt() < now) {
            UUID routerId = exporters.routerAt(address).orElse(null);
            entry = new Entry(routerId, now + config.lookupCacheTtl().toMillis());
            cache.put(address, entry);
        }
        return Optional.ofNullable(entry.routerId());
    }

    void forget(IpAddress address) {
        cache.remove(address);
    }
}
