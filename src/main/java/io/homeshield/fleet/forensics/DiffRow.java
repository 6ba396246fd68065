package io.homeshield.fleet.forensics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One parameter that differs between two snapshots: {@code before} null when added, {@code after} null when removed.
 */
public record DiffRow(String path, String before, String after) {

    public String kind() {
        return before == null ? "added" : after == null ? "removed" : "changed";
    }

    /** Every parameter whose value differs, in path order. */
    public static List<DiffRow> between(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<DiffRow> rows = new ArrayList<>();
        for (String path : paths) {
            String was = before.get(path);
            String is = after.get(path);
            if (!Objects.equals(was, is)) {
                rows.add(new DiffRow(path, was, is));
            }
        }
        return rows;
    }
}
