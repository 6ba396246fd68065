package io.homeshield.detection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.intel.IntelConfig;
import io.homeshield.intel.ThreatIntel;
import io.homeshield.intel.rpz.RpzConfig;
import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;
import io.homeshield.telemetry.wire.DnsEvent;

/**
 * A device kept from a C&C server by the provider's resolver, read from the router's DNS telemetry:
 * the answer is the response policy zone's walled-garden address, or NXDOMAIN for a name the zone
 * blocks (a host of a feed the zone carries as C&C). One alert per device and name (the alerts'
 * dedup), so what is recorded stays bounded however often the device tries.
 */
@ApplicationScoped
class ResolverBlockDetector implements Detector {

    private final ThreatIntel intel;
    private final Optional<IpAddress> walledGarden;
    private final Set<String> c2Feeds;

    @Inject
    ResolverBlockDetector(ThreatIntel intel, RpzConfig rpz, IntelConfig feeds) {
        this(intel, rpz.walledGarden(), rpz.c2Feeds().orElse(List.of()).stream()
                .map(id -> Optional.ofNullable(feeds.feeds().get(id)).flatMap(IntelConfig.Feed::name).orElse(id))
                .collect(Collectors.toSet()));
    }

    /** {@code c2Feeds}: the names of the feeds whose host names the zone blocks. */
    ResolverBlockDetector(ThreatIntel intel, Optional<String> walledGarden, Set<String> c2Feeds) {
        this.intel = intel;
        this.walledGarden = walledGarden.filter(IpAddress::isValid).map(IpAddress::of);
        this.c2Feeds = Set.copyOf(c2Feeds);
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
        if (walledGarden.isPresent() && lookup.answers() != null && lookup.answers().stream()
                .anyMatch(answer -> IpAddress.isValid(answer) && IpAddress.of(answer).equals(walledGarden.get()))) {
            return walledGarden.get().toString();
        }
        if ("NXDOMAIN".equals(lookup.rcode()) && !c2Feeds.isEmpty() && intel.match(DomainName.of(lookup.query()))
                .filter(hit -> c2Feeds.contains(hit.feed())).isPresent()) {
            return "NXDOMAIN";
        }
        return null;
    }
}
