package io.homeshield.telemetry.flowexport;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.inventory.Device;
import io.homeshield.net.IpAddress;
import io.homeshield.net.MacAddress;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Each router's host table as the inventory knows it (LAN address → MAC), read in one query and
 * kept for a while. An address not in the table is looked up again at most every few seconds, so a
 * device that just joined is found soon and an unmapped source cannot cause a query per flow.
 */
@ApplicationScoped
class HostTables {

    private static final long MISS_REFRESH_MILLIS = 2_000;

    private record Table(Map<IpAddress, MacAddress> hosts, long loadedAt) {
    }

    private final ConcurrentHashMap<UUID, Table> tables = new ConcurrentHashMap<>();
    private final FlowExportConfig config;
    private final Clock clock;

    HostTables(FlowExportConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The MAC of the router's device at that LAN address, or null. */
    MacAddress deviceAt(UUID routerId, IpAddress address) {
        long now = clock.millis();
        Table table = current(routerId, now);
        MacAddress mac = table.hosts().get(address);
        if (mac == null && now - table.loadedAt() > MISS_REFRESH_MILLIS) {
            mac = load(routerId, now).hosts().get(address);
        }
        return mac;
    }

    /** As {@link #deviceAt}, but an address missing from the table does not read it again. */
    MacAddress knownDeviceAt(UUID routerId, IpAddress address) {
        return current(routerId, clock.millis()).hosts().get(address);
    }

    private Table current(UUID routerId, long now) {
        Table table = tables.get(routerId);
        if (table == null || now - table.loadedAt() > config.lookupCacheTtl().toMillis()) {
            table = load(routerId, now);
        }
        return table;
    }

    private Table load(UUID routerId, long now) {
        Table table = new Table(read(routerId), now);
        tables.put(routerId, table);
        return table;
    }

    private static Map<IpAddress, MacAddress> read(UUID routerId) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> Device.getEntityManager().createQuery(
                "select d.ipAddress, d.mac from Device d where d.routerId = ?1 and d.ipAddress is not null"
                        + " order by d.lastSeen", Object[].class)
                .setParameter(1, routerId).getResultList());
        // Ordered by last sighting: when an address moved between devices, the latest holder wins.
        Map<IpAddress, MacAddress> hosts = new HashMap<>();
        for (Object[] row : rows) {
            hosts.put(IpAddress.of((String) row[0]), MacAddress.of((String) row[1]));
        }
        return hosts;
    }
}
