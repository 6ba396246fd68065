package io.homeshield.routers.genieacs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A GenieACS device document: parameters nest by path segment, each leaf carrying
 * {@code _value}, {@code _type}, {@code _timestamp} and {@code _writable}; objects carry {@code _object}
 * and their instances under numeric keys; tags are in {@code _tags}.
 */
record AcsDocument(JsonNode root) {

    /** The node at a dotted path (trailing dot allowed), or a missing node. */
    JsonNode at(String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.")) {
            if (!segment.isEmpty()) {
                node = node.path(segment);
            }
        }
        return node;
    }

    /** A parameter's {@code _value} as text, if the document holds it. */
    Optional<String> value(String path) {
        JsonNode value = at(path).path("_value");
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /** The instance numbers and nodes of a multi-instance object such as {@code Device.Hosts.AccessControl}. */
    List<Map.Entry<Integer, JsonNode>> instances(String objectPath) {
        List<Map.Entry<Integer, JsonNode>> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = at(objectPath).fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().chars().allMatch(Character::isDigit) && !field.getKey().isEmpty()) {
                out.add(Map.entry(Integer.parseInt(field.getKey()), field.getValue()));
            }
        }
        out.sort(Map.Entry.comparingByKey());
        return out;
    }

    List<String> tags() {
        List<String> tags = new ArrayList<>();
        root.path("_tags").forEach(tag -> tags.add(tag.asText()));
        return tags;
    }

    /** A leaf's value read as TR-069 boolean: {@code true}/{@code 1}. */
    static boolean isTrue(JsonNode leaf) {
        JsonNode value = leaf.path("_value");
        return value.isBoolean() ? value.booleanValue() : "true".equalsIgnoreCase(value.asText())
                || "1".equals(value.asText());
    }
}
