package io.homeshield.infra.outbound;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where HomeShield's own outbound requests (webhooks, threat feeds) may go, and how many at once. */
@ConfigMapping(prefix = "homeshield.outbound")
public interface OutboundConfig {

    /**
     * Receivers inside the provider's network that are permitted all the same: address ranges
     * ({@code 10.20.0.0/16}), host names ({@code siem.isp.internal}), or every name under a domain
     * ({@code *.hooks.isp.internal}). Everything else that is not the public Internet is refused.
     */
    Optional<List<String>> allow();

    /** Most requests in flight to one host at once; further ones wait for a later pass. */
    @WithDefault("4")
    int slotsPerHost();

    /** Longest wait for a peer to accept the connection. */
    @WithDefault("5s")
    Duration connectTimeout();
}
