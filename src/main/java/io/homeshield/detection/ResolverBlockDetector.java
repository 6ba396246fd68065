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
import io.homeshield.intel.rpz.RpzConfig;
import io.homeshield.intel.rpz.ZoneMembership;
import io.homeshield.intel.rpz.BlockedNames;
import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;
import io.homeshield.telemetry.wire.DnsEvent;

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

    private static final String NXDOMAIN = "NXDOMAIN";

    private final Optional<IpAddress> walledGarden;
    private final Supplier<BlockedNames> zone;

    @Inject
    ResolverBlockDetector(RpzConfig rpz, ZoneMembership zone) {
        this(rpz.walledGarden(), zone::current);
    }

    /** {@code zone}: the names the zone blocks as the resolvers have it now. */
    ResolverBlockDetector(Optional<String> walledGarden, Supplier<BlockedNames> zone) {
        this.walledGarden = walledGarden.filter(s -> !s.isBlank()).filter(IpAddress::isValid).map(IpAddress::of);
        this.zone = zone;
    }

    @Override
    public void inspect(DeviceActivity activity, Consumer<Finding> findings) {
        for (DnsEvent lookup : activity.lookups()) {
            String stoppedWith = stoppedWith(lookup);
            if (stoppedWith != null) {
                String name = DomainName.of(lookup.query()).value();
                Instant at = activity.timeOf(lookup);
                findings.accept(new Finding(activity.device(), AlertType.STOPPED_BY_RESOLVER, "stopped:" + name, name,
                        Map.of("query", name, "answer", stoppedWith, "observed", "looked up " + name
                                + "; the provider's resolver answered " + stoppedWith), at, at, 1));
            }
        }
    }

    /** The policy answer that stopped the lookup, or null when the resolver let it through. */
    private String stoppedWith(DnsEvent lookup) {
        if (walledGarden.isPresent()) {
            return lookup.answers() != null && lookup.answers().stream()
                    .anyMatch(answer -> IpAddress.isValid(answer) && IpAddress.of(answer).equals(walledGarden.get()))
                            ? walledGarden.get().toString() : null;
        }
        if (NXDOMAIN.equals(lookup.rcode()) && zone.get().blocks(DomainName.of(lookup.query()))) {
            return NXDOMAIN;
        }
        return null;
    }
}
