package io.homeshield.detection;

import java.util.Collection;

/**
 * A set of lower-case domain suffixes ({@code co.uk}, {@code cloudfront.net}) that answers whether
 * the tail of a name from some position is one of them, without cutting the tail out: one lookup
 * per label of every DNS event would otherwise allocate a string and hash it. Open addressing on a
 * 64-bit hash of the suffix; a hit is confirmed against the suffix's text, so a collision never
 * answers wrongly.
 */
final class SuffixSet {

    private final long[] hashes;
    private final String[] suffixes;
    private final int mask;

    SuffixSet(Collection<String> members) {
        int capacity = Integer.highestOneBit(Math.max(4, members.size() * 2 - 1)) << 1;
        hashes = new long[capacity];
        suffixes = new String[capacity];
        mask = capacity - 1;
        for (String suffix : members) {
            long h = hash(suffix, 0, suffix.length());
            int slot = (int) h & mask;
            while (suffixes[slot] != null && !suffixes[slot].equals(suffix)) {
                slot = (slot + 1) & mask;
            }
            hashes[slot] = h;
            suffixes[slot] = suffix;
        }
    }

    /** Whether {@code name[from, end)} is in the set. */
    boolean contains(String name, int from) {
        return contains(name, from, name.length());
    }

    /** Whether {@code name[from, to)} is in the set. */
    boolean contains(String name, int from, int to) {
        long h = hash(name, from, to);
        int length = to - from;
        for (int slot = (int) h & mask; suffixes[slot] != null; slot = (slot + 1) & mask) {
            String suffix = suffixes[slot];
            if (hashes[slot] == h && suffix.length() == length && name.regionMatches(from, suffix, 0, length)) {
                return true;
            }
        }
        return false;
    }

    private static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h ^ (h >>> 29);
    }
}
