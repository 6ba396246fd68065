package io.homeshield.detection;

import java.net.IDN;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The Public Suffix List: under which suffixes names are registered ({@code co.uk}, {@code cloudfront.net}),
 * so that {@code a.b.example.co.uk} is known to belong to {@code example.co.uk}. Rules, wildcards
 * ({@code *.ck}) and exceptions ({@code !www.ck}) as the list's format defines them.
 */
final class PublicSuffixList {

    static final String BUNDLED = "intel/public_suffix_list.dat";

    private final SuffixSet rules;
    private final SuffixSet wildcardParents;
    private final SuffixSet exceptions;

    private PublicSuffixList(String text) {
        Set<String> rules = new HashSet<>();
        Set<String> wildcardParents = new HashSet<>();
        Set<String> exceptions = new HashSet<>();
        for (String line : text.split("\n")) {
            String rule = line.strip();
            int space = rule.indexOf(' ');
            if (space > 0) {
                rule = rule.substring(0, space);
            }
            if (rule.isEmpty() || rule.startsWith("//")) {
                continue;
            }
            if (rule.startsWith("!")) {
                exceptions.add(ascii(rule.substring(1)));
            } else if (rule.startsWith("*.")) {
                wildcardParents.add(ascii(rule.substring(2)));
            } else {
                rules.add(ascii(rule));
            }
        }
        this.rules = new SuffixSet(rules);
        this.wildcardParents = new SuffixSet(wildcardParents);
        this.exceptions = new SuffixSet(exceptions);
    }

    static PublicSuffixList parse(String text) {
        return new PublicSuffixList(text);
    }

    static PublicSuffixList bundled() {
        return Holder.BUNDLED_LIST;
    }

    /**
     * Where the registrable domain begins in a lower-case name without trailing dot
     * ({@code 6} for {@code sub.example.co.uk}), or -1 when there is none: the name is itself a
     * public suffix, or its top-level domain is not on the list ({@code printer.local}).
     */
    int registrableStart(String name) {
        int suffixStart = -1;
        int labelStart = name.lastIndexOf('.') + 1;
        while (true) {
            // the suffix is name[labelStart, end): looked up in place, nothing cut out (called for every lookup)
            if (exceptions.contains(name, labelStart)) {
                suffixStart = name.indexOf('.', labelStart) + 1;
                break;
            }
            int dot = name.indexOf('.', labelStart);
            if (rules.contains(name, labelStart) || (dot > labelStart && wildcardParents.contains(name, dot + 1))) {
                suffixStart = labelStart;
            }
            if (labelStart == 0) {
                break;
            }
            labelStart = name.lastIndexOf('.', labelStart - 2) + 1;
        }
        if (suffixStart <= 0) {
            return -1;
        }
        return name.lastIndexOf('.', suffixStart - 2) + 1;
    }

    /** The registrable domain of a name ({@code example.co.uk}), or null when there is none. */
    String registrableDomain(String name) {
        int start = registrableStart(name);
        return start < 0 ? null : name.substring(start);
    }

    private static String ascii(String rule) {
        return IDN.toASCII(rule, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    }

    private static final class Holder {
        static final PublicSuffixList BUNDLED_LIST = parse(BundledText.read(BUNDLED));
    }
}
