package io.homeshield.enforcement;

import java.util.LinkedHashMap;
import java.util.Map;

/** Names and values as one column: a line per entry, name and value separated by a tab. */
final class ParameterValues {

    private ParameterValues() {
    }

    static String encode(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((name, value) -> {
            if (hasControl(name) || hasControl(value)) {
                throw new IllegalArgumentException("a parameter name or value contains a control character");
            }
            out.append(name).append('\t').append(value).append('\n');
        });
        return out.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("\n")) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    values.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return values;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> c < 0x20);
    }
}
