package io.homeshield.routers.openwrt;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How HomeShield signs in to OpenWrt routers' ubus JSON-RPC interface. Each router's ubus URL is its
 * management address; the account (an rpcd login with write access to the firewall and dhcp configs)
 * is the same on every router the provider manages this way.
 */
@ConfigMapping(prefix = "homeshield.openwrt")
public interface OpenWrtConfig {

    @WithDefault("homeshield")
    String username();

    /** The rpcd account's password; from the environment in production. */
    Optional<String> password();

    @WithDefault("5s")
    Duration connectTimeout();

    /** Limit for each ubus call. */
    @WithDefault("15s")
    Duration requestTimeout();

    /** How long a router waits for HomeShield to confirm a change before rolling it back by itself. */
    @WithDefault("30s")
    Duration rollbackTimeout();
}
