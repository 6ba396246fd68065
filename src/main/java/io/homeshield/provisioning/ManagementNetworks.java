package io.homeshield.provisioning;

import java.net.InetAddress;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.infra.outbound.AddressBlock;
import io.homeshield.infra.outbound.OutboundRefusedException;
import io.homeshield.infra.outbound.OutboundTarget;
import io.homeshield.infra.outbound.OutboundTargets;
import io.homeshield.infra.outbound.SpecialAddresses;

/**
 * Checks that an OpenWrt router's ubus URL points at a router, not at another service of the
 * provider's network: written plainly, and every address it reaches inside
 * the configured management networks (or, without any, on the public Internet).
 */
@ApplicationScoped
class ManagementNetworks {

    private final List<AddressBlock> networks;
    private final OutboundTargets targets;

    ManagementNetworks(ManagementConfig config, OutboundTargets targets) {
        this.networks = config.managementNetworks().orElse(List.of()).stream().map(String::strip)
                .filter(text -> !text.isEmpty()).map(AddressBlock::parse).toList();
        this.targets = targets;
    }

    /** Why HomeShield may not call this ubus URL, or null if it may. */
    String whyRefused(String ubusUrl) {
        try {
            OutboundTarget target = networks.isEmpty() ? targets.checked(ubusUrl, true)
                    : targets.parse(ubusUrl, true);
            List<InetAddress> addresses = target.literal() != null ? List.of(target.literal())
                    : targets.resolve(target.host());
            for (InetAddress address : addresses) {
                String why = whyRefused(address);
                if (why != null) {
                    return (target.literal() != null ? "" : target.host() + " resolves to ") + why;
                }
            }
            return null;
        } catch (OutboundRefusedException e) {
            return e.getMessage();
        }
    }

    private String whyRefused(InetAddress address) {
        if (!networks.isEmpty()) {
            return networks.stream().anyMatch(network -> network.contains(address)) ? null
                    : address.getHostAddress() + ", outside the router management networks " + networks;
        }
        String why = targets.allowListed(address) ? null : SpecialAddresses.whyNotPublic(address);
        return why == null ? null : address.getHostAddress() + " (" + why + ")"
                + ", and no router management networks are configured (homeshield.routers.management-networks)";
    }
}
