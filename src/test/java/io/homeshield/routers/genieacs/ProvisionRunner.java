package io.homeshield.routers.genieacs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Runs a GenieACS provision script in a JavaScript engine against a model of GenieACS's
 * {@code declare(path, timestamps, values)}: {@code args} and {@code log} as GenieACS provides them,
 * {@code Date.now()} the session's time, the script wrapped as GenieACS wraps it. {@code declare} reads the router
 * again when a timestamp asks for newer data than the stored copy holds, matches instance keys
 * ({@code [PhysAddress:"…"]}) exactly against the stored copy, adds or deletes instances to reach a
 * declared count, and sends a value only where the stored copy differs and the parameter is writable.
 */
final class ProvisionRunner implements AutoCloseable {

    private static final String PRELUDE = """
            const args = JSON.parse(__args);
            Date.now = function () { return __now; };
            function log(message) { __log(String(message)); }
            function declare(path, timestamps, values) {
              const found = JSON.parse(__declare(String(path), JSON.stringify(timestamps || {}),
                  JSON.stringify(values || {})));
              const result = { size: found.length, [Symbol.iterator]() { return found[Symbol.iterator](); } };
              if (found.length) { result.path = found[0].path; result.value = found[0].value; }
              return result;
            }
            """;
    private static final Pattern ALIAS_PART = Pattern.compile("([A-Za-z0-9_]+):(\"(?:[^\"\\\\]|\\\\.)*\"|[^,\\]]+)");

    /** One engine for the whole test run: starting the JavaScript engine is slow, contexts are cheap. */
    private static final Engine ENGINE = warmedUp();
    private final ObjectMapper json = new ObjectMapper();
    final List<String> logs = new CopyOnWriteArrayList<>();

    /** Whether GenieACS would accept the script (it compiles it when the provision is stored). */
    boolean compiles(String script) {
        try (Context context = Context.newBuilder("js").engine(ENGINE).build()) {
            context.parse(Source.create("js", wrap(script)));
            return true;
        } catch (PolyglotException e) {
            return false;
        }
    }

    /** One run of the provision in a session of {@code device} that started at {@code now}. */
    void run(String script, JsonNode args, AcsDevice device, Instant now) {
        Declarations declarations = new Declarations(device, now);
        try (Context context = Context.newBuilder("js").engine(ENGINE).build()) {
            var bindings = context.getBindings("js");
            bindings.putMember("__args", args == null ? "[]" : args.toString());
            bindings.putMember("__now", now.toEpochMilli());
            bindings.putMember("__log", (ProxyExecutable) a -> {
                logs.add(a[0].asString());
                return null;
            });
            bindings.putMember("__declare", (ProxyExecutable) a -> declarations.declare(a[0].asString(),
                    read(a[1].asString()), read(a[2].asString())));
            context.eval("js", PRELUDE);
            context.eval(Source.create("js", wrap(script)));
        }
    }

    @Override
    public void close() {
        logs.clear();
    }

    private static Engine warmedUp() {
        Engine engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        try (Context context = Context.newBuilder("js").engine(engine).build()) {
            context.eval("js", "JSON.parse('[1]').map(function (x) { return /^a$/.test(String(x)); })");
        }
        return engine;
    }

    private static String wrap(String script) {
        return "\"use strict\";(function(){\n" + script + "\n})();";
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code declare} against one device's stored copy and its router. */
    private final class Declarations {

        private final AcsDevice device;
        private final Instant now;

        Declarations(AcsDevice device, Instant now) {
            this.device = device;
            this.now = now;
        }

        String declare(String path, JsonNode timestamps, JsonNode values) {
            List<String> segments = segments(path);
            if (segments.get(0).equals("Tags")) {
                return tags(segments).toString();
            }
            refreshIfOlder(segments, timestamps.path("path").asLong(0), timestamps.path("value").asLong(0));
            List<String> matches = match(segments);
            if (values.has("path")) {
                matches = instances(segments, matches, values.get("path").asInt());
            }
            if (values.has("value")) {
                setValues(matches, text(values.get("value")));
            }
            ArrayNode found = json.createArrayNode();
            for (String match : matches) {
                AcsDevice.Stored stored = device.stored(match);
                ArrayNode value = found.addObject().put("path", match).putArray("value");
                if (stored != null && !stored.object()) {
                    value.add(stored.value()).add(stored.type());
                }
            }
            return found.toString();
        }

        private ArrayNode tags(List<String> segments) {
            ArrayNode found = json.createArrayNode();
            for (String tag : device.tags()) {
                if (segments.size() == 2 && (segments.get(1).equals("*") || segments.get(1).equals(tag))) {
                    found.addObject().put("path", "Tags." + tag).putArray("value").add(true).add("xsd:boolean");
                }
            }
            return found;
        }

        /** GenieACS reads the router again where the declared timestamp is newer than what it holds. */
        private void refreshIfOlder(List<String> segments, long pathTimestamp, long valueTimestamp) {
            long wanted = Math.max(pathTimestamp, valueTimestamp);
            if (wanted <= 0) {
                return;
            }
            StringBuilder fixed = new StringBuilder();
            for (String segment : segments) {
                if (segment.equals("*") || segment.startsWith("[")) {
                    break;
                }
                fixed.append(fixed.isEmpty() ? "" : ".").append(segment);
            }
            String prefix = fixed.toString();
            Instant oldest = device.storedAt(prefix).values().stream().map(AcsDevice.Stored::timestamp)
                    .min(Instant::compareTo).orElse(Instant.EPOCH);
            if (device.storedAt(prefix).isEmpty() || oldest.toEpochMilli() < wanted) {
                device.cpe.getParameterValues(prefix);
                device.fetch(prefix, now);
            }
        }

        private List<String> match(List<String> segments) {
            List<String> current = List.of("");
            for (String segment : segments) {
                List<String> next = new ArrayList<>();
                for (String base : current) {
                    for (String child : device.children(base)) {
                        String path = base.isEmpty() ? child : base + "." + child;
                        if (segment.equals("*") || segment.equals(child)
                                || segment.startsWith("[") && keysMatch(path, aliasOf(segment))) {
                            next.add(path);
                        }
                    }
                }
                current = next;
            }
            return current;
        }

        /** Instance keys are compared exactly, letter case included, as GenieACS compares them. */
        private boolean keysMatch(String instance, Map<String, String> keys) {
            return keys.entrySet().stream().allMatch(k
                    -> k.getValue().equals(device.storedValue(instance + "." + k.getKey())));
        }

        private List<String> instances(List<String> segments, List<String> matches, int wanted) {
            String last = segments.get(segments.size() - 1);
            List<String> result = new ArrayList<>(matches);
            String parent = String.join(".", segments.subList(0, segments.size() - 1));
            while (result.size() < wanted && last.startsWith("[")) {
                Map<String, String> keys = aliasOf(last);
                try {
                    int instance = device.cpe.addObject(parent);
                    String row = parent + "." + instance;
                    List<String[]> values = new ArrayList<>();
                    keys.forEach((name, value) -> values.add(new String[] {row + "." + name, value}));
                    device.cpe.setParameterValues(values);
                    device.fetch(row, now);
                    keys.forEach((name, value) -> device.store(row + "." + name, value, now));
                    result.add(row);
                } catch (Tr069Cpe.CwmpFault fault) {
                    logs.add("fault " + fault.code + " adding to " + parent);
                    return result;
                }
            }
            while (result.size() > wanted) {
                String row = result.remove(result.size() - 1);
                try {
                    device.cpe.deleteObject(row);
                    device.forget(row);
                } catch (Tr069Cpe.CwmpFault fault) {
                    logs.add("fault " + fault.code + " deleting " + row);
                }
            }
            return result;
        }

        private void setValues(List<String> matches, String value) {
            for (String path : matches) {
                AcsDevice.Stored stored = device.stored(path);
                if (stored == null || stored.object() || !stored.writable() || value.equals(stored.value())) {
                    continue;
                }
                try {
                    device.cpe.setParameterValues(List.<String[]>of(new String[] {path, value}));
                    device.store(path, value, now);
                } catch (Tr069Cpe.CwmpFault fault) {
                    logs.add("fault " + fault.code + " setting " + path);
                }
            }
        }

        private Map<String, String> aliasOf(String segment) {
            Map<String, String> keys = new java.util.LinkedHashMap<>();
            Matcher m = ALIAS_PART.matcher(segment.substring(1, segment.length() - 1));
            while (m.find()) {
                String raw = m.group(2).trim();
                keys.put(m.group(1), raw.startsWith("\"") ? read(raw).asText() : raw);
            }
            return keys;
        }
    }

    static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }

    /** Splits a declared path at its dots, keeping instance keys ({@code [PhysAddress:"…"]}) whole. */
    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (char c : path.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                depth++;
            } else if (!quoted && c == ']') {
                depth--;
            }
            if (c == '.' && !quoted && depth == 0) {
                segments.add(segment.toString());
                segment.setLength(0);
            } else {
                segment.append(c);
            }
        }
        if (!segment.isEmpty()) {
            segments.add(segment.toString());
        }
        return segments;
    }
}
