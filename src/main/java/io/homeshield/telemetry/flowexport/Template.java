package io.homeshield.telemetry.flowexport;

import java.util.List;

/**
 * A template an exporter announced: the layout of its data records. Options templates
 * ({@code scopeFields > 0}) describe the exporter itself, not flows.
 */
record Template(int id, List<TemplateField> fields, int scopeFields) {

    Template {
        fields = List.copyOf(fields);
    }

    boolean isOptions() {
        return scopeFields > 0;
    }

    /** The smallest size of one record, counting each variable-length field as its one-byte length. */
    int minRecordLength() {
        int length = 0;
        for (TemplateField field : fields) {
            length += field.isVariable() ? 1 : field.length();
        }
        return length;
    }
}
