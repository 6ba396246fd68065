package io.homeshield.detection;

import java.util.Locale;

/**
 * What the DGA detector needs to know about a looked-up name, worked out once per name and kept
 * in a small direct-mapped cache: a home asks for the same few hundred names all day, and walking
 * the Public Suffix List and scoring labels for every lookup was most of the detection stage's
 * cost on DNS-heavy batches. Entries are immutable and replaced whole, so threads sharing the
 * cache at most work a name out twice. About {@value #SLOTS} entries of a name and a few numbers
 * (1-2 MB).
 */
final class LookupNames {

    static final int SLOTS = 1 << 14;
    private static final int MASK = SLOTS - 1;

    /** A name as looked up, and what it says; {@code registrable} is -1 for names the detector never judges. */
    record Name(String query, String name, int registrable, int firstDot, long domainHash, boolean randomLeft,
            boolean randomDomain, boolean randomByDesign) {

        boolean judged() {
            return registrable >= 0;
        }
    }

    private final PublicSuffixList suffixes;
    private final LabelRandomness randomness;
    private final RandomLabelDomains randomByDesign;
    private final Name[] slots = new Name[SLOTS];

    LookupNames(PublicSuffixList suffixes, LabelRandomness randomness, RandomLabelDomains randomByDesign) {
        this.suffixes = suffixes;
        this.randomness = randomness;
        this.randomByDesign = randomByDesign;
    }

    Name of(String query) {
        int slot = spread(query.hashCode()) & MASK;
        Name known = slots[slot];
        if (known != null && known.query().equals(query)) {
            return known;
        }
        Name worked = workOut(query);
        slots[slot] = worked;
        return worked;
    }

    private Name workOut(String query) {
        String name = normalised(query);
        int firstDot = name.indexOf('.');
        if (firstDot < 0 || name.endsWith(".arpa")) {
            return new Name(query, name, -1, firstDot, 0, false, false, false);
        }
        int registrable = suffixes.registrableStart(name);
        if (registrable < 0) {
            return new Name(query, name, -1, firstDot, 0, false, false, false);
        }
        int domainEnd = name.indexOf('.', registrable);
        return new Name(query, name, registrable, firstDot, hash(name, registrable, name.length()),
                randomness.looksRandom(name, 0, firstDot), randomness.looksRandom(name, registrable, domainEnd),
                randomByDesign.covers(name));
    }

    private static String normalised(String query) {
        String name = query.endsWith(".") ? query.substring(0, query.length() - 1) : query;
        for (int i = 0; i < name.length(); i++) {
            if (Character.isUpperCase(name.charAt(i))) {
                return name.toLowerCase(Locale.ROOT);
            }
        }
        return name;
    }

    static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
