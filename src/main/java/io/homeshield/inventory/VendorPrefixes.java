package io.homeshield.inventory;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One IEEE registry (MA-L, MA-M or MA-S) as two parallel sorted arrays: prefixes and organisation
 * names, searched by binary search. Far smaller than a map of boxed keys.
 */
final class VendorPrefixes {

    private final long[] prefixes;
    private final String[] names;

    private VendorPrefixes(long[] prefixes, String[] names) {
        this.prefixes = prefixes;
        this.names = names;
    }

    Optional<String> find(long prefix) {
        int at = Arrays.binarySearch(prefixes, prefix);
        return at < 0 ? Optional.empty() : Optional.of(names[at]);
    }

    int size() {
        return prefixes.length;
    }

    /** Collects one registry's rows; the first row for a prefix wins (the MA-L export lists two prefixes twice). */
    static final class Builder {
        private final Map<Long, String> rows = new TreeMap<>();

        void add(long prefix, String name) {
            rows.putIfAbsent(prefix, name);
        }

        VendorPrefixes build() {
            long[] prefixes = new long[rows.size()];
            String[] names = new String[rows.size()];
            int i = 0;
            for (Map.Entry<Long, String> row : rows.entrySet()) {
                prefixes[i] = row.getKey();
                names[i] = row.getValue();
                i++;
            }
            return new VendorPrefixes(prefixes, names);
        }
    }
}
