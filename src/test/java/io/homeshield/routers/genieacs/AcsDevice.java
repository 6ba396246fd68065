package io.homeshield.routers.genieacs;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One device as the test ACS holds it: GenieACS's stored copy of the router's parameters (values
 * with the time it last read them; only the Inform parameters and what tasks or provisions fetched),
 * its tags, and its session lock. The router itself is {@link #cpe}.
 */
final class AcsDevice {

    /** What a CPE reports in every Inform, so GenieACS always has them fresh. */
    static final List<String> INFORM_PARAMETERS = List.of(Tr069Cpe.SOFTWARE_VERSION, "Device.DeviceInfo.SerialNumber",
            "Device.ManagementServer.ConnectionRequestURL");
    static final Instant LONG_AGO = Instant.parse("2025-01-15T10:00:00Z");

    record Stored(String value, String type, boolean writable, Instant timestamp) {

        boolean object() {
            return "object".equals(type);
        }
    }

    final String id;
    final Tr069Cpe cpe;
    final ReentrantLock sessionLock = new ReentrantLock();
    private final TreeMap<String, Stored> stored = new TreeMap<>();
    private final Set<String> tags = new LinkedHashSet<>();
    private volatile Instant lastInform = LONG_AGO;
    private int sessions;

    AcsDevice(String id, Tr069Cpe cpe) {
        this.id = id;
        this.cpe = cpe;
        for (String path : INFORM_PARAMETERS) {
            fetch(path, LONG_AGO);
        }
    }

    /** As if an earlier task had read these from the router, long ago: the stored copy holds what it was then. */
    synchronized AcsDevice fetchedLongAgo(String... paths) {
        for (String path : paths) {
            fetch(path, LONG_AGO);
        }
        return this;
    }

    /** Copies the router's current values at {@code path} (and below) into the stored copy. */
    synchronized void fetch(String path, Instant now) {
        stored.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + "."));
        for (Map.Entry<String, Tr069Cpe.Param> entry : cpe.at(path).entrySet()) {
            Tr069Cpe.Param param = entry.getValue();
            stored.put(entry.getKey(), new Stored(param.value(), param.type(), param.writable(), now));
        }
    }

    synchronized void store(String path, String value, Instant now) {
        Stored old = stored.get(path);
        stored.put(path, new Stored(value, old == null ? "xsd:string" : old.type(), old == null || old.writable(),
                now));
    }

    synchronized void forget(String path) {
        stored.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + "."));
    }

    synchronized Stored stored(String path) {
        return stored.get(path);
    }

    /** The stored copy's value of a parameter, null when the ACS does not hold it. */
    synchronized String storedValue(String path) {
        Stored s = stored.get(path);
        return s == null ? null : s.value();
    }

    synchronized SortedMap<String, Stored> storedAt(String path) {
        TreeMap<String, Stored> out = new TreeMap<>();
        stored.forEach((p, s) -> {
            if (path.isEmpty() || p.equals(path) || p.startsWith(path + ".")) {
                out.put(p, s);
            }
        });
        return out;
    }

    /** The names of the stored children of an object. */
    synchronized List<String> children(String object) {
        Set<String> out = new LinkedHashSet<>();
        String prefix = object.isEmpty() ? "" : object + ".";
        for (String path : stored.keySet()) {
            if (path.startsWith(prefix) && path.length() > prefix.length()) {
                String rest = path.substring(prefix.length());
                out.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
            }
        }
        return List.copyOf(out);
    }

    synchronized Set<String> tags() {
        return Set.copyOf(tags);
    }

    synchronized void tag(String tag) {
        tags.add(tag);
    }

    synchronized void untag(String tag) {
        tags.remove(tag);
    }

    synchronized int sessions() {
        return sessions;
    }

    synchronized void informed(Instant now) {
        for (String path : INFORM_PARAMETERS) {
            fetch(path, now);
        }
        lastInform = now;
        sessions++;
    }

    /** The device document as the NBI answers it, limited to {@code projection} when there is one. */
    synchronized ObjectNode document(ObjectMapper json, List<String> projection) {
        ObjectNode root = json.createObjectNode().put("_id", id);
        if (projection == null || projection.contains("_tags")) {
            tags.forEach(root.withArray("_tags")::add);
        }
        if (projection == null || projection.contains("_lastInform")) {
            root.put("_lastInform", lastInform.toString());
        }
        stored.forEach((path, s) -> {
            if (projection == null || projection.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "."))) {
                place(root, path, s);
            }
        });
        return root;
    }

    private static void place(ObjectNode root, String path, Stored s) {
        String[] segments = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode child = node.get(segments[i]);
            if (!(child instanceof ObjectNode)) {
                child = node.putObject(segments[i]).put("_object", true);
            }
            node = (ObjectNode) child;
        }
        String name = segments[segments.length - 1];
        ObjectNode leaf = node.get(name) instanceof ObjectNode existing ? existing : node.putObject(name);
        if (s.object()) {
            leaf.put("_object", true);
        } else {
            switch (s.type()) {
                case "xsd:boolean" -> leaf.put("_value", Boolean.parseBoolean(s.value()));
                case "xsd:unsignedInt", "xsd:int" -> leaf.put("_value", Long.parseLong(s.value()));
                default -> leaf.put("_value", s.value());
            }
            leaf.put("_type", s.type());
        }
        leaf.put("_timestamp", s.timestamp().toString()).put("_writable", s.writable());
    }
}
