package io.homeshield.routers.openwrt;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How HomeShield signs in to OpenWrt routers' ubus JSON-RPC interface. Each router's ubus URL is its
 * management address; each router has its own rpcd login, issued when the router is registered and
 * kept encrypted with {@code credential-key}.
 */
@ConfigMapping(prefix = "homeshield.openwrt")
public interface OpenWrtConfig {

    /** The rpcd user name given to newly registered routers; each router still gets its own password. */
    @WithDefault("homeshield")
    String username();

    /** AES key (base64 of 32 bytes) sealing the routers' rpcd passwords at rest; from the environment in prod. */
    Optional<String> credentialKey();

    /**
     * Management networks (CIDR) where a router's ubus URL may be plain http; everywhere else HomeShield
     * only speaks https to routers, since the session id and password travel in every exchange.
     */
    Optional<List<String>> httpNetworks();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Limit for each ubus exchange as a whole, from connecting to the last byte of the answer. */
    @WithDefault("15s")
    Duration requestTimeout();

    /** How long a router waits for HomeShield to confirm a change before rolling it back by itself. */
    @WithDefault("30s")
    Duration rollbackTimeout();
}
