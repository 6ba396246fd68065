package io.homeshield.detection;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.homeshield.alert.AlertType;
import io.homeshield.alert.Finding;
import io.homeshield.intel.Indicator;
import io.homeshield.intel.ThreatIntel;
import io.homeshield.net.IpAddress;
import io.homeshield.wire.ConfigEvent;

/**
 * Flags a router whose own name servers were changed to a resolver on the internet that is
 * neither one of the provider's ({@link DnsHijackConfig#providerResolvers()}) nor a well-known
 * public one (bundled list), or to one the threat intelligence lists. That is how router malware
 * and DNS changers (DNSChanger, GhostDNS) send a whole household to phishing sites. Watches the
 * WAN resolvers, the relay's forwarders and what DHCP hands to the LAN (TR-181 and TR-098 paths).
 * Resolvers on the LAN or the provider's private ranges are the router itself or a home's own
 * (a Pi-hole); changes the provider made through its ACS or controller are its own.
 */
@ApplicationScoped
class RouterDnsHijackDetector implements RouterDetector {

    static final Pattern DNS_PARAMETER = Pattern.compile(
            "Device\\.DNS\\.Client\\.Server\\.\\d+\\.DNSServer"
                    + "|Device\\.DNS\\.Relay\\.Forwarding\\.\\d+\\.DNSServer"
                    + "|Device\\.DHCPv4\\.Server\\.Pool\\.\\d+\\.DNSServers"
                    + "|InternetGatewayDevice\\.LANDevice\\.\\d+\\.LANHostConfigManagement\\.DNSServers"
                    + "|InternetGatewayDevice\\.WANDevice\\.\\d+\\.WANConnectionDevice\\.\\d+"
                    + "\\.WAN(?:IP|PPP)Connection\\.\\d+\\.DNSServers");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;\\s]+");

    private final ResolverAddresses provider;
    private final ResolverAddresses wellKnown;
    private final ThreatIntel intel;

    @Inject
    RouterDnsHijackDetector(DnsHijackConfig config, ThreatIntel intel) {
        this(config.providerResolvers().orElse(List.of()), intel);
    }

    RouterDnsHijackDetector(List<String> providerResolvers, ThreatIntel intel) {
        this.provider = new ResolverAddresses(providerResolvers);
        this.wellKnown = ResolverAddresses.bundled();
        this.intel = intel;
    }

    @Override
    public void inspect(UUID routerId, List<ConfigEvent> changes, Instant reportedAt, Consumer<Finding> findings) {
        for (ConfigEvent change : changes) {
            if (change.newValue() == null || "acs".equals(change.source()) || "controller".equals(change.source())
                    || !DNS_PARAMETER.matcher(change.path()).matches()) {
                continue;
            }
            for (String entry : LIST_SEPARATOR.split(change.newValue().strip())) {
                if (!IpAddress.isValid(entry)) {
                    continue;
                }
                IpAddress resolver = IpAddress.of(entry);
                reason(resolver).ifPresent(reason -> findings.accept(
                        finding(change, resolver, reason, change.at() == null ? reportedAt : change.at())));
            }
        }
    }

    /** Why the resolver is suspicious, or empty when it is not. */
    private Optional<String> reason(IpAddress resolver) {
        Optional<Indicator> listed = intel.match(resolver);
        if (listed.isPresent()) {
            return Optional.of("listed by " + listed.get().feed() + " as a malicious host");
        }
        if (!AddressBits.isExternal(resolver.value()) || provider.contains(resolver) || wellKnown.contains(resolver)) {
            return Optional.empty();
        }
        return Optional.of("neither a resolver of the provider nor a well-known public one");
    }

    private static Finding finding(ConfigEvent change, IpAddress resolver, String reason, Instant at) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("parameter", change.path());
        evidence.put("previous", change.oldValue() == null ? "" : change.oldValue());
        evidence.put("resolver", resolver.value());
        evidence.put("changedBy", change.source() == null ? "unknown" : change.source());
        evidence.put("reason", reason);
        return new Finding(null, AlertType.ROUTER_DNS_HIJACK, "dns:" + resolver.value(), resolver.value(), evidence,
                at, at, 1);
    }
}
