package io.homeshield.provisioning;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where routers' management addresses given through provisioning may point. */
@ConfigMapping(prefix = "homeshield.routers")
public interface ManagementConfig {

    /**
     * The provider's router management networks ({@code 10.64.0.0/10, 2001:db8:100::/40}): an
     * OpenWrt router's ubus URL must reach an address inside one of them. Without any, it must reach
     * a public address.
     */
    Optional<List<String>> managementNetworks();
}
