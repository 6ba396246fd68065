package io.homeshield.intel.rpz;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

/**
 * Whether the provider's resolver stopped a lookup, read from the answer a router reported: the
 * zone's walled-garden address when the policy sends people there, otherwise NXDOMAIN for a name
 * the zone blocks at that time.
 */
@ApplicationScoped
public class ResolverStops {

    private static final String NXDOMAIN = "NXDOMAIN";

    private final Optional<IpAddress> walledGarden;
    private final Supplier<BlockedNames> zone;

    @Inject
    ResolverStops(RpzConfig rpz, ZoneMembership zone) {
        this(rpz.walledGarden(), zone::current);
    }

    /** {@code zone}: the names the zone blocks as the resolvers have it now. */
    public ResolverStops(Optional<String> walledGarden, Supplier<BlockedNames> zone) {
        this.walledGarden = walledGarden.filter(s -> !s.isBlank()).filter(IpAddress::isValid).map(IpAddress::of);
        this.zone = zone;
    }

    /** The policy answer that stopped the lookup of {@code query}, or null when the resolver let it through. */
    public String stoppedWith(String query, String rcode, List<String> answers) {
        if (walledGarden.isPresent()) {
            return answers != null && answers.stream()
                    .anyMatch(answer -> IpAddress.isValid(answer) && IpAddress.of(answer).equals(walledGarden.get()))
                            ? walledGarden.get().toString() : null;
        }
        if (NXDOMAIN.equals(rcode) && zone.get().blocks(DomainName.of(query))) {
            return NXDOMAIN;
        }
        return null;
    }
}
