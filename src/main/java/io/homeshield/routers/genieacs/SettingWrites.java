package io.homeshield.routers.genieacs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.homeshield.enforcement.RouterControlException;

/**
 * Setting changes that really reach the router. GenieACS answers 200 to a {@code setParameterValues}
 * it never sent when its stored copy already equals the target (a stale copy included), or when the
 * parameter is read-only or missing. So every change first has the ACS read the parameters from the
 * router, is checked against the fresh device document (the parameter exists and is writable), sends
 * only what differs, and is read back: a value the router still does not show is sent once more, then
 * reported as not taken.
 */
final class SettingWrites {

    private final GenieAcsNbi nbi;

    SettingWrites(GenieAcsNbi nbi) {
        this.nbi = nbi;
    }

    /** Has the ACS read {@code paths} from the router now, and returns the device document with them. */
    AcsDocument read(String deviceId, Collection<String> paths) throws RouterControlException {
        ObjectNode task = nbi.newTask("getParameterValues").put("uniqueKey", "homeshield-read-" + keyOf(paths));
        ArrayNode names = task.putArray("parameterNames");
        paths.forEach(names::add);
        TaskOutcome outcome = nbi.runTask(deviceId, task);
        if (outcome != TaskOutcome.DONE) {
            throw outcome.unfinished(" to read its settings back.");
        }
        return new AcsDocument(nbi.device(deviceId, String.join(",", paths)));
    }

    /** Sets {@code values} (full paths to values) on the router, each as the router types it. */
    void write(String deviceId, Map<String, String> values) throws RouterControlException {
        AcsDocument before = read(deviceId, values.keySet());
        requireWritable(before, values.keySet());
        Map<String, String> differing = differing(before, values);
        if (differing.isEmpty()) {
            return;
        }
        send(deviceId, before, differing);
        AcsDocument after = read(deviceId, values.keySet());
        Map<String, String> notTaken = differing(after, values);
        if (notTaken.isEmpty()) {
            return;
        }
        // The ACS's copy is the router's own value now, so this time it cannot skip the change.
        send(deviceId, after, notTaken);
        notTaken = differing(read(deviceId, values.keySet()), values);
        if (!notTaken.isEmpty()) {
            throw new RouterControlException("The router did not take the new value of "
                    + String.join(", ", notTaken.keySet()) + " although the provider's management system (ACS) "
                    + "sent it; HomeShield will send it again.", true);
        }
    }

    /** The values a device document shows differently from {@code wanted}, booleans compared as booleans. */
    static Map<String, String> differing(AcsDocument document, Map<String, String> wanted) {
        Map<String, String> out = new LinkedHashMap<>();
        wanted.forEach((path, value) -> {
            if (!same(document.at(path), value)) {
                out.put(path, value);
            }
        });
        return out;
    }

    private void send(String deviceId, AcsDocument document, Map<String, String> values) throws RouterControlException {
        ObjectNode task = nbi.newTask("setParameterValues").put("uniqueKey", "homeshield-set-"
                + keyOf(values.keySet()));
        ArrayNode list = task.putArray("parameterValues");
        values.forEach((path, value) -> {
            String type = document.at(path).path("_type").asText("xsd:string");
            ArrayNode entry = list.addArray().add(path);
            if ("xsd:boolean".equals(type)) {
                entry.add("true".equals(value) || "1".equals(value)).add(type);
            } else {
                entry.add(value).add(type);
            }
        });
        TaskOutcome outcome = nbi.runTask(deviceId, task);
        if (outcome != TaskOutcome.DONE) {
            throw outcome.unfinished("; the settings will reach it when it connects.");
        }
    }

    /** Refuses for good, in plain words, what the router does not have or does not let anyone change. */
    private static void requireWritable(AcsDocument document, Collection<String> paths) throws RouterControlException {
        List<String> missing = new ArrayList<>();
        List<String> readOnly = new ArrayList<>();
        for (String path : paths) {
            JsonNode leaf = document.at(path);
            if (!leaf.has("_value")) {
                missing.add(path);
            } else if (!leaf.path("_writable").asBoolean(false)) {
                readOnly.add(path);
            }
        }
        if (!missing.isEmpty()) {
            throw new RouterControlException("This router does not have the setting " + String.join(", ", missing)
                    + ", so HomeShield cannot change it.", false);
        }
        if (!readOnly.isEmpty()) {
            throw new RouterControlException("This router does not let anyone change " + String.join(", ", readOnly)
                    + " (it is read-only), so HomeShield cannot change it.", false);
        }
    }

    private static boolean same(JsonNode leaf, String wanted) {
        JsonNode value = leaf.path("_value");
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (value.isBoolean() || "xsd:boolean".equals(leaf.path("_type").asText())) {
            return AcsDocument.isTrue(leaf) == ("true".equalsIgnoreCase(wanted) || "1".equals(wanted));
        }
        return value.asText().equals(wanted);
    }

    /** A short key naming a set of paths, so a repeated change replaces its queued task instead of adding one. */
    private static String keyOf(Collection<String> paths) {
        return Integer.toHexString(String.join(",", new TreeSet<>(paths)).hashCode());
    }
}
