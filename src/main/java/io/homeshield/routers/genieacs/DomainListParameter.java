package io.homeshield.routers.genieacs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.homeshield.enforcement.RouterBlocklist;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.net.DomainName;

/**
 * A router model's vendor parameter that holds its blocked domains as one separated string, for every
 * device alike. The provider dedicates the parameter to HomeShield: it is written whole.
 */
record DomainListParameter(String path, String separator) {

    static DomainListParameter of(GenieAcsConfig.DomainBlocking mapping) {
        return new DomainListParameter(mapping.parameter(), mapping.separator());
    }

    /** The parameter's value for {@code blocklist}; refuses rules that single out or exempt devices. */
    String format(RouterBlocklist blocklist) throws RouterControlException {
        List<String> domains = new ArrayList<>();
        for (RouterBlocklist.Rule rule : blocklist.rules()) {
            if (!rule.everyDevice() || !rule.exceptDevices().isEmpty()) {
                throw new RouterControlException("This router can only block a domain for every device; "
                        + "it cannot block it for some devices only or spare some.", false);
            }
            domains.add(rule.domain().value());
        }
        return String.join(separator, domains.stream().distinct().toList());
    }

    /** The blocklist a value of the parameter stands for; entries that are not domain names cannot be HomeShield's. */
    RouterBlocklist parse(String value) {
        List<RouterBlocklist.Rule> rules = new ArrayList<>();
        for (String item : value.split(Pattern.quote(separator))) {
            String domain = item.trim();
            if (!domain.isEmpty()) {
                try {
                    rules.add(new RouterBlocklist.Rule(DomainName.of(domain), Set.of(), Set.of()));
                } catch (IllegalArgumentException notADomainName) {
                    // an entry in the router's own syntax, not one HomeShield wrote
                }
            }
        }
        return new RouterBlocklist(rules);
    }
}
