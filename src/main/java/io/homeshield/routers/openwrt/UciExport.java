package io.homeshield.routers.openwrt;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.homeshield.enforcement.EvidenceBundle;

/**
 * One configuration as {@code uci get} returns it, written out as {@code uci export} would and as
 * flat settings: {@code uci.<config>.<section>.<option>}, anonymous sections as {@code
 * uci.<config>.<type>.<n>} (their names are generated and differ per router), list entries numbered.
 */
final class UciExport {

    private UciExport() {
    }

    static void append(StringBuilder export, String config, JsonNode sections, EvidenceBundle.Builder evidence) {
        export.append("package ").append(config).append("\n\n");
        Map<String, Integer> anonymousOfType = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> all = sections.fields();
        while (all.hasNext()) {
            Map.Entry<String, JsonNode> entry = all.next();
            JsonNode section = entry.getValue();
            String type = section.path(".type").asText("");
            boolean anonymous = section.path(".anonymous").asBoolean(false);
            String key = anonymous ? type + "." + anonymousOfType.merge(type, 1, Integer::sum) : entry.getKey();
            export.append("config ").append(type);
            if (!anonymous) {
                export.append(" '").append(entry.getKey()).append('\'');
            }
            export.append('\n');
            Iterator<Map.Entry<String, JsonNode>> options = section.fields();
            while (options.hasNext()) {
                Map.Entry<String, JsonNode> option = options.next();
                if (option.getKey().startsWith(".")) {
                    continue;
                }
                String path = "uci." + config + "." + key + "." + option.getKey();
                if (option.getValue().isArray()) {
                    int n = 0;
                    for (JsonNode item : option.getValue()) {
                        export.append("\tlist ").append(option.getKey()).append(" '").append(item.asText())
                                .append("'\n");
                        evidence.parameter(path + "." + ++n, item.asText());
                    }
                } else {
                    export.append("\toption ").append(option.getKey()).append(" '").append(option.getValue().asText())
                            .append("'\n");
                    evidence.parameter(path, option.getValue().asText());
                }
            }
            export.append('\n');
        }
    }
}
