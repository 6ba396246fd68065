package io.homeshield.detection;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.intel.rpz.BlockedNames;
import io.homeshield.intel.rpz.ResolverStops;
import io.homeshield.net.DomainName;
import io.homeshield.wire.DnsEvent;

/**
 * A device kept from a C&C server by the provider's resolver, read from the router's DNS telemetry:
 * the answer is the response policy zone's walled-garden address, or — when the zone's policy is
 * NXDOMAIN — NXDOMAIN for a name the zone blocks (a name analysts blocked fleet-wide or a host of a
 * C&C feed the zone carries, itself or as a subdomain, and not let through by the allow-list). Any
 * other NXDOMAIN is a name that does not exist. One alert per device and name (the alerts' dedup),
 * so what is recorded stays bounded however often the device tries.
 */
@ApplicationScoped
class ResolverBlockDetector implements Detector {

    private final ResolverStops stops;

    @Inject
    ResolverBlockDetector(ResolverStops stops) {
        this.stops = stops;
    }

    /** {@code zone}: the names the zone blocks as the resolvers have it now. */
    ResolverBlockDetector(Optional<String> walledGarden, Supplier<BlockedNames> zone) {
        this(new ResolverStops(walledGarden, zone));
    }

    @Override
    public void inspect(DeviceActivity activity, Consumer<Finding> findings) {
        for (DnsEvent lookup : activity.lookups()) {
            String stoppedWith = stops.stoppedWith(lookup.query(), lookup.rcode(), lookup.answers());
            if (stoppedWith != null) {
                String name = DomainName.of(lookup.query()).value();
                Instant at = activity.timeOf(lookup);
                findings.accept(new Finding(activity.device(), AlertType.STOPPED_BY_RESOLVER, "stopped:" + name, name,
                        Map.of("query", name, "answer", stoppedWith, "observed", "looked up " + name
                                + "; the provider's resolver answered " + stoppedWith), at, at, 1));
            }
        }
    }
}
