package io.homeshield.intel.rpz;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Response Policy Zone the provider's resolvers fetch ({@code homeshield.rpz.*}). */
@ConfigMapping(prefix = "homeshield.rpz")
public interface RpzConfig {

    /** The zone's name, also the file name in its URL. */
    @WithDefault("homeshield.rpz")
    String zoneName();

    /** An IPv4 or IPv6 address blocked names answer with; unset: blocked names do not exist (NXDOMAIN). */
    Optional<String> walledGarden();

    /** Host names never blocked, whatever a feed says; their subdomains neither. */
    Optional<List<String>> allowList();

    /** Ids of feeds ({@code homeshield.intel.feeds.<id>}) whose every host name is blocked as a C&C server. */
    Optional<List<String>> c2Feeds();

    /** SOA refresh: how often resolvers check for a new version. */
    @WithDefault("5m")
    Duration refresh();

    /** TTL of the policy records. */
    @WithDefault("5m")
    Duration ttl();

    /** How often the zone's names are read again to recognise its NXDOMAIN answers in routers' DNS telemetry. */
    @WithDefault("30s")
    Duration membershipRefresh();

    /** Resolvers allowed to fetch the zone, by id; each has its own secret path segment. */
    Map<String, Resolver> resolvers();

    interface Resolver {
        /** The secret in the resolver's URL: {@code /rpz/<token>/<zone name>}; at least 24 characters. */
        String token();
    }
}
