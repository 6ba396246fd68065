package io.homeshield.intel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.homeshield.net.DomainName;
import io.homeshield.net.IpAddress;

/**
 * An immutable set of indicators, built once and read by every detector thread. Lookups cost a
 * few hash probes: one per label of a name, one for an address.
 */
public final class IndicatorSet {

    private final Map<String, Indicator> domains;
    private final Map<String, Indicator> addresses;

    private IndicatorSet(Map<String, Indicator> domains, Map<String, Indicator> addresses) {
        this.domains = Map.copyOf(domains);
        this.addresses = Map.copyOf(addresses);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The indicator listing this name or one of its parent domains, the most specific first. */
    public Optional<Indicator> match(DomainName name) {
        String value = name.value();
        while (true) {
            Indicator hit = domains.get(value);
            if (hit != null) {
                return Optional.of(hit);
            }
            int dot = value.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            value = value.substring(dot + 1);
        }
    }

    public Optional<Indicator> match(IpAddress address) {
        return Optional.ofNullable(addresses.get(address.value()));
    }

    public int size() {
        return domains.size() + addresses.size();
    }

    public static final class Builder {
        private final Map<String, Indicator> domains = new HashMap<>();
        private final Map<String, Indicator> addresses = new HashMap<>();

        public Builder domain(DomainName name, String feed) {
            domains.putIfAbsent(name.value(), new Indicator(IndicatorKind.DOMAIN, name.value(), feed));
            return this;
        }

        public Builder address(IpAddress address, String feed) {
            addresses.putIfAbsent(address.value(), new Indicator(IndicatorKind.IP, address.value(), feed));
            return this;
        }

        public IndicatorSet build() {
            return new IndicatorSet(domains, addresses);
        }
    }
}
