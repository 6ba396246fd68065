package io.homeshield.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the IEEE registry exports (RFC 4180 CSV): fields may be quoted, a quoted field may hold
 * commas, doubled quotes and line breaks, and records end with CRLF or LF.
 */
final class VendorCsv {

    private VendorCsv() {
    }

    /** Calls {@code record} once per record, the header included; blank lines are skipped. */
    static void read(CharSequence text, Consumer<List<String>> record) {
        List<String> fields = new ArrayList<>(4);
        StringBuilder field = new StringBuilder(64);
        boolean quoted = false;
        boolean started = false;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch != '"') {
                    field.append(ch);
                } else if (i + 1 < length && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = false;
                }
                continue;
            }
            switch (ch) {
                case '"' -> {
                    quoted = true;
                    started = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    started = true;
                }
                case '\r' -> {
                    // the first half of CRLF
                }
                case '\n' -> {
                    if (started) {
                        fields.add(field.toString());
                        record.accept(List.copyOf(fields));
                    }
                    fields.clear();
                    field.setLength(0);
                    started = false;
                }
                default -> {
                    field.append(ch);
                    started = true;
                }
            }
        }
        if (started) {
            fields.add(field.toString());
            record.accept(List.copyOf(fields));
        }
    }
}
