package io.homeshield.enforcement;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.homeshield.net.DomainName;
import io.homeshield.net.MacAddress;

/**
 * What one router must block: each domain (and its subdomains) for all its devices, or only for
 * some, with devices exempted. Rules are kept sorted, so two lists with the same rules are equal.
 */
public record RouterBlocklist(List<Rule> rules) {

    public static final RouterBlocklist EMPTY = new RouterBlocklist(List.of());

    public RouterBlocklist {
        rules = rules.stream().sorted(Comparator.comparing((Rule r) -> r.domain().value())
                .thenComparing(r -> r.onlyDevices().toString())).toList();
    }

    /**
     * @param onlyDevices empty: every device behind the router
     * @param exceptDevices devices the rule does not apply to
     */
    public record Rule(DomainName domain, Set<MacAddress> onlyDevices, Set<MacAddress> exceptDevices) {

        public Rule {
            onlyDevices = sorted(onlyDevices);
            exceptDevices = sorted(exceptDevices);
        }

        public boolean everyDevice() {
            return onlyDevices.isEmpty();
        }

        private static Set<MacAddress> sorted(Set<MacAddress> macs) {
            Set<MacAddress> out = new TreeSet<>(Comparator.comparing(MacAddress::value));
            out.addAll(macs);
            return java.util.Collections.unmodifiableSet(out);
        }
    }

    /** Whether the router must keep {@code device} from resolving {@code name}. */
    public boolean blocks(MacAddress device, DomainName name) {
        for (Rule rule : rules) {
            boolean applies = (rule.everyDevice() || rule.onlyDevices().contains(device))
                    && !rule.exceptDevices().contains(device);
            if (applies && covers(rule.domain(), name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covers(DomainName blocked, DomainName name) {
        return name.value().equals(blocked.value()) || name.value().endsWith("." + blocked.value());
    }
}
