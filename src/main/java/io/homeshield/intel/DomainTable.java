package io.homeshield.intel;

/**
 * Listed names, found with their parent domains in one pass and without allocating. An open
 * addressing table keyed by a hash that can be computed for every suffix of a name from right to
 * left ({@code h(s[i..]) = s[i] + 31·h(s[i+1..])}), so looking up {@code a.b.example.com} probes
 * {@code com}, {@code example.com}, {@code b.example.com} and the name itself with one hash step
 * per character.
 */
final class DomainTable {

    private static final int NOT_FOUND = -1;

    private String[] names;
    /** The name's hash, never 0: a lookup reads only this array until a hash matches, and 0 marks an empty slot. */
    private int[] hashes;
    private short[] feeds;
    private int size;
    private int mask;

    DomainTable(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        names = new String[capacity];
        hashes = new int[capacity];
        feeds = new short[capacity];
        mask = capacity - 1;
    }

    /** Adds {@code name} (normalised) unless present; the first feed to list a name keeps it. */
    void add(String name, short feed) {
        if (size * 2 >= names.length) {
            grow();
        }
        int hash = nonZero(hash(name, 0));
        for (int slot = spread(hash) & mask;; slot = (slot + 1) & mask) {
            String present = names[slot];
            if (hashes[slot] == 0) {
                names[slot] = name;
                hashes[slot] = hash;
                feeds[slot] = feed;
                size++;
                return;
            }
            if (hashes[slot] == hash && present.equals(name)) {
                return;
            }
        }
    }

    /**
     * The slot of the most specific listed name among {@code name} and its parent domains, or -1.
     * A longer (more specific) suffix is checked after a shorter one, so the last hit wins.
     */
    int find(String name) {
        int found = NOT_FOUND;
        int hash = 0;
        for (int i = name.length() - 1; i >= 0; i--) {
            hash = name.charAt(i) + 31 * hash;
            if (i == 0 || name.charAt(i - 1) == '.') {
                int slot = probe(name, i, nonZero(hash));
                if (slot >= 0) {
                    found = slot;
                }
            }
        }
        return found;
    }

    String name(int slot) {
        return names[slot];
    }

    short feed(int slot) {
        return feeds[slot];
    }

    int size() {
        return size;
    }

    private int probe(String name, int from, int hash) {
        int length = name.length() - from;
        for (int slot = spread(hash) & mask;; slot = (slot + 1) & mask) {
            int present = hashes[slot];
            if (present == 0) {
                return NOT_FOUND;
            }
            if (present == hash) {
                String candidate = names[slot];
                if (candidate.length() == length && name.regionMatches(from, candidate, 0, length)) {
                    return slot;
                }
            }
        }
    }

    private void grow() {
        String[] oldNames = names;
        short[] oldFeeds = feeds;
        names = new String[oldNames.length * 2];
        hashes = new int[names.length];
        feeds = new short[names.length];
        mask = names.length - 1;
        size = 0;
        for (int slot = 0; slot < oldNames.length; slot++) {
            if (oldNames[slot] != null) {
                add(oldNames[slot], oldFeeds[slot]);
            }
        }
    }

    static int hash(String name, int from) {
        int hash = 0;
        for (int i = name.length() - 1; i >= from; i--) {
            hash = name.charAt(i) + 31 * hash;
        }
        return hash;
    }

    private static int nonZero(int hash) {
        return hash == 0 ? 1 : hash;
    }

    private static int spread(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
