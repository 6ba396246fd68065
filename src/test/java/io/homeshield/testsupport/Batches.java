package io.homeshield.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds telemetry batches as a router would send them (a JSON-ready map). */
public final class Batches {

    private final Map<String, Object> batch = new LinkedHashMap<>();
    private final List<Map<String, Object>> events = new ArrayList<>();

    private Batches(UUID routerId, long sequence) {
        batch.put("routerId", routerId.toString());
        batch.put("sequence", sequence);
        batch.put("sentAt", Instant.now().toString());
        batch.put("events", events);
    }

    public static Batches of(UUID routerId, long sequence) {
        return new Batches(routerId, sequence);
    }

    public Batches host(String mac, String ip, String hostname, boolean active) {
        Map<String, Object> e = event("host", mac);
        e.put("ip", ip);
        e.put("hostname", hostname);
        e.put("active", active);
        return this;
    }

    public Batches dns(String mac, String query, String... answers) {
        Map<String, Object> e = event("dns", mac);
        e.put("query", query);
        e.put("qtype", "A");
        e.put("rcode", "NOERROR");
        e.put("answers", List.of(answers));
        return this;
    }

    /** A lookup the device was answered with {@code rcode} and no address (NXDOMAIN, REFUSED...). */
    public Batches dnsAnswered(String mac, String query, String rcode) {
        Map<String, Object> e = event("dns", mac);
        e.put("query", query);
        e.put("qtype", "A");
        e.put("rcode", rcode);
        e.put("answers", List.of());
        return this;
    }

    public Batches flow(String mac, String dstIp, int dstPort) {
        Map<String, Object> e = event("flow", mac);
        e.put("protocol", "tcp");
        e.put("dstIp", dstIp);
        e.put("dstPort", dstPort);
        e.put("bytesOut", 420);
        e.put("bytesIn", 1337);
        e.put("packetsOut", 5);
        e.put("packetsIn", 4);
        e.put("start", Instant.now().minusSeconds(5).toString());
        e.put("durationMs", 800);
        return this;
    }

    public Batches config(String path, String oldValue, String newValue) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "config");
        e.put("path", path);
        e.put("oldValue", oldValue);
        e.put("newValue", newValue);
        e.put("source", "unknown");
        events.add(e);
        return this;
    }

    /** Adds an arbitrary event, for shapes a real router would never send. */
    public Batches raw(Map<String, Object> event) {
        events.add(new LinkedHashMap<>(event));
        return this;
    }

    public Batches set(String field, Object value) {
        batch.put(field, value);
        return this;
    }

    public Map<String, Object> build() {
        return batch;
    }

    private Map<String, Object> event(String type, String mac) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("mac", mac);
        events.add(e);
        return e;
    }
}
