package io.homeshield.intel.rpz;

import java.util.Set;

import io.homeshield.net.DomainName;

/**
 * The names a version of the zone blocks (each with its subdomains) and the allow-list's names it
 * lets through, as checked and lower-cased for the zone file.
 */
public record BlockedNames(Set<String> blocked, Set<String> allowed) {

    public static final BlockedNames EMPTY = new BlockedNames(Set.of(), Set.of());

    public BlockedNames {
        blocked = Set.copyOf(blocked);
        allowed = Set.copyOf(allowed);
    }

    /**
     * Whether a resolver with this zone answers the policy for {@code name}: the most specific of the
     * name and its parents that the zone lists decides, as a resolver picks the closest record (an
     * allowed name under a blocked parent is let through).
     */
    public boolean blocks(DomainName name) {
        String suffix = name.value();
        while (true) {
            if (allowed.contains(suffix)) {
                return false;
            }
            if (blocked.contains(suffix)) {
                return true;
            }
            int dot = suffix.indexOf('.');
            if (dot < 0) {
                return false;
            }
            suffix = suffix.substring(dot + 1);
        }
    }
}
