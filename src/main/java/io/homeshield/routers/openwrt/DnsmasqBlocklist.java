package io.homeshield.routers.openwrt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.homeshield.enforcement.RouterBlocklist;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.net.DomainName;

/**
 * Blocked domains as dnsmasq {@code address} entries {@code /domain/} (dnsmasq answers "no such domain"
 * for the domain and its subdomains) in {@code /etc/config/dhcp}. The list also holds the router's own
 * entries (say {@code /router.lan/192.168.1.1}), so HomeShield remembers which entries are its own in the
 * section's {@code homeshield_blocked} list, which dnsmasq ignores, and rewrites only those.
 */
final class DnsmasqBlocklist {

    static final String CONFIG = "dhcp";
    static final String TYPE = "dnsmasq";
    static final String SETTINGS = "DNS settings";
    static final String ADDRESS = "address";
    static final String OURS = "homeshield_blocked";

    private DnsmasqBlocklist() {
    }

    /** The domains to block; rules that single out or spare devices cannot be enforced by dnsmasq. */
    static List<String> domains(RouterBlocklist blocklist) throws RouterControlException {
        Set<String> domains = new LinkedHashSet<>();
        for (RouterBlocklist.Rule rule : blocklist.rules()) {
            if (!rule.everyDevice() || !rule.exceptDevices().isEmpty()) {
                throw new RouterControlException("This router can only block a domain for every device; "
                        + "it cannot block it for some devices only or spare some.", false);
            }
            domains.add(rule.domain().value());
        }
        return List.copyOf(domains);
    }

    /** The section's new {@code address} list: its entries minus HomeShield's old ones, plus the wanted ones. */
    static List<String> addressesFor(JsonNode section, List<String> wanted) {
        Set<String> previous = new LinkedHashSet<>();
        for (String domain : list(section, OURS)) {
            previous.add(entry(domain));
        }
        List<String> out = new ArrayList<>();
        for (String address : list(section, ADDRESS)) {
            if (!previous.contains(address) && !out.contains(address)) {
                out.add(address);
            }
        }
        for (String domain : wanted) {
            if (!out.contains(entry(domain))) {
                out.add(entry(domain));
            }
        }
        return out;
    }

    /** The domains HomeShield put in the section and that its {@code address} list still holds. */
    static Set<String> blockedIn(JsonNode section) {
        List<String> addresses = list(section, ADDRESS);
        Set<String> out = new LinkedHashSet<>();
        for (String domain : list(section, OURS)) {
            if (addresses.contains(entry(domain))) {
                out.add(domain);
            }
        }
        return out;
    }

    static RouterBlocklist toBlocklist(Set<String> domains) {
        List<RouterBlocklist.Rule> rules = new ArrayList<>();
        for (String domain : domains) {
            try {
                rules.add(new RouterBlocklist.Rule(DomainName.of(domain), Set.of(), Set.of()));
            } catch (IllegalArgumentException changedByHand) {
                // not a name HomeShield wrote, so not one of its blocks
            }
        }
        return new RouterBlocklist(rules);
    }

    private static String entry(String domain) {
        return "/" + domain + "/";
    }

    /** A uci option read back: a list is an array, a single option a string. */
    private static List<String> list(JsonNode section, String option) {
        JsonNode node = section.path(option);
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> out.add(item.asText()));
        } else if (node.isTextual()) {
            out.add(node.asText());
        }
        return out;
    }
}
