package io.homeshield.detection;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Domains whose host names are random by design (CDN edges, cloud buckets, video caches). */
final class RandomLabelDomains {

    static final String BUNDLED = "intel/random-label-domains.txt";

    private final SuffixSet domains;

    private RandomLabelDomains(String text) {
        Set<String> listed = new HashSet<>();
        for (String line : text.split("\n")) {
            String domain = line.strip().toLowerCase(Locale.ROOT);
            if (!domain.isEmpty() && !domain.startsWith("#")) {
                listed.add(domain);
            }
        }
        domains = new SuffixSet(listed);
    }

    static RandomLabelDomains parse(String text) {
        return new RandomLabelDomains(text);
    }

    static RandomLabelDomains bundled() {
        return Holder.BUNDLED_DOMAINS;
    }

    /** Whether the lower-case name is one of the domains or under one. */
    boolean covers(String name) {
        int from = 0;
        while (from >= 0) {
            if (domains.contains(name, from)) {
                return true;
            }
            int dot = name.indexOf('.', from);
            from = dot < 0 ? -1 : dot + 1;
        }
        return false;
    }

    private static final class Holder {
        static final RandomLabelDomains BUNDLED_DOMAINS = parse(BundledText.read(BUNDLED));
    }
}
