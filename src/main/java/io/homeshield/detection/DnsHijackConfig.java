package io.homeshield.detection;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** What the router DNS hijack check needs to know of the provider. */
@ConfigMapping(prefix = "homeshield.detection.dns-hijack")
public interface DnsHijackConfig {

    /** The provider's own resolvers (addresses, or IPv4 ranges such as 192.0.2.0/24) that routers may use. */
    Optional<List<String>> providerResolvers();
}
