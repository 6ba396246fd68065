package io.homeshield.intel.rpz;

import java.util.ArrayList;
import java.util.List;

/** Distinct, valid, C&C-looking host names for size tests and the build benchmark. */
final class ZoneNames {

    private ZoneNames() {
    }

    static List<String> generated(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add("c2-" + Integer.toString(i * 7919, 36) + ".node" + (i % 97) + ".example-" + (i % 13) + ".net");
        }
        return names;
    }
}
