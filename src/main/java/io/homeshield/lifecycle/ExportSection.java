package io.homeshield.lifecycle;

import java.util.Set;

/**
 * One member of the export archive: the rows {@code query} finds for the household (its only
 * parameter), every column but the {@code omitted} secrets, as one object or an array.
 */
record ExportSection(String name, String table, String query, Set<String> omitted, boolean single) {

    static ExportSection list(String name, String table, String query, String... omitted) {
        return new ExportSection(name, table, query, Set.of(omitted), false);
    }
}
