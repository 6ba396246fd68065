package io.homeshield.telemetry.flowexport;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.infra.LruStripes;
import io.homeshield.net.IpAddress;

/**
 * The router behind an exporter address, cached for a while so the database is not asked once per
 * datagram; unknown addresses are cached too, so a stranger's flood costs one query per interval.
 * The cache is bounded: a flood from many forged sources pushes out old entries, never grows it.
 */
@ApplicationScoped
class ExporterDirectory {

    private static final int STRIPES = 16;

    private record Entry(UUID routerId, long expiresAt) {
    }

    private final LruStripes<IpAddress, Entry> cache;
    private final FlowExporters exporters;
    private final FlowExportConfig config;
    private final Clock clock;

    ExporterDirectory(FlowExporters exporters, FlowExportConfig config, Clock clock) {
        this.exporters = exporters;
        this.config = config;
        this.clock = clock;
        this.cache = new LruStripes<>(STRIPES, config.maxRememberedAddresses());
    }

    Optional<UUID> routerAt(IpAddress address) {
        long now = clock.millis();
        Map<IpAddress, Entry> stripe = cache.stripeOf(address);
        Entry entry;
        synchronized (stripe) {
            entry = stripe.get(address);
        }
        if (entry == null || entry.expiresAt() < now) {
            UUID routerId = exporters.routerAt(address).orElse(null);
            entry = new Entry(routerId, now + config.lookupCacheTtl().toMillis());
            synchronized (stripe) {
                stripe.put(address, entry);
            }
        }
        return Optional.ofNullable(entry.routerId());
    }

    void forget(IpAddress address) {
        Map<IpAddress, Entry> stripe = cache.stripeOf(address);
        synchronized (stripe) {
            stripe.remove(address);
        }
    }

    /** Addresses remembered now (registered or not). */
    int size() {
        return cache.size();
    }
}
