package io.homeshield.routers.genieacs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A GenieACS 1.2.16 NBI with TR-069 routers behind it, answering as the real one does
 * (the behaviours ACS-1 to ACS-8 observed on the real one):
 * <ul>
 * <li>a task posted with {@code connection_request} answers 200 after the router's session ended, 202
 * "Task queued but not processed" when the router does not answer (the task is kept) or the session
 * outlasts GenieACS's 120 s wait, 202 "Task faulted" with a fault {@code <deviceId>:task_<taskId>};</li>
 * <li>a {@code setParameterValues} is sent to the router only where GenieACS's stored copy differs from
 * the target and the parameter is known and writable; otherwise it answers 200 all the same;</li>
 * <li>device documents hold the Inform parameters and what tasks and provisions fetched, nothing fresher;</li>
 * <li>fault and task deletion and tags answer 503 "Device is in session" while the session lock is held;</li>
 * <li>a task with a {@code uniqueKey} replaces the queued one with the same key; queued one-shot tasks
 * without one end in a single RPC; a queued task is dropped once its {@code expiry} (seconds) passed;</li>
 * <li>device ids are percent-encoded parts, decoded from the request path.</li>
 * </ul>
 * Its waits (5 s for the session lock, 120 s for a session) are scaled by {@code scale} so tests stay
 * short. Provisions stored through the NBI are executed by {@link ProvisionRunner} in each session.
 */
final class GenieAcsPeer implements AutoCloseable {

    /** GenieACS builds ids from OUI, product class and serial, percent-encoding each: "HS Box" becomes "HS%20Box". */
    static final String DEVICE = "00256D-HS%20Box%207-SN0001";

    private static final Pattern DEVICE_TASKS = Pattern.compile("^/devices/([a-zA-Z0-9\\-_%]+)/tasks/?$");
    private static final Pattern TAGS = Pattern.compile("^/devices/([a-zA-Z0-9\\-_%]+)/tags/([a-zA-Z0-9\\-_%]+)/?$");
    private static final Pattern TASKS = Pattern.compile("^/tasks/([a-zA-Z0-9\\-_%]+)(/[a-zA-Z_]*)?$");
    private static final Pattern FAULTS = Pattern.compile("^/faults/([a-zA-Z0-9\\-_%:]+)/?$");
    private static final Pattern PRESETS = Pattern.compile("^/presets/([a-zA-Z0-9\\-_%]+)/?$");
    private static final Pattern PROVISIONS = Pattern.compile("^/provisions/([a-zA-Z0-9\\-_%]+)/?$");
    private static final Pattern QUERY = Pattern.compile("^/([a-zA-Z0-9_]+)/?$");
    private static final List<String> TASK_NAMES = List.of("getParameterValues", "setParameterValues", "refreshObject",
            "addObject", "deleteObject", "reboot", "factoryReset", "download");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer http;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Clock clock = Clock.systemUTC();
    private final double scale;
    private final Map<String, AcsDevice> devices = new ConcurrentHashMap<>();
    private final List<ObjectNode> tasks = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> faults = new ConcurrentHashMap<>();
    private final Map<String, String> provisions = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> presets = new ConcurrentHashMap<>();
    private final Map<String, Map.Entry<String, String>> plannedFaults = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(0x5f1a00000000L);
    private final ProvisionRunner runner = new ProvisionRunner();

    private GenieAcsPeer(double scale) {
        this.scale = scale;
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        http.setExecutor(threads);
        http.createContext("/", this::handle);
        http.start();
        register(DEVICE, Tr069Cpe.hsBox7());
    }

    /** A peer whose 5 s and 120 s waits last a hundredth of that, with the HS-Box 7 {@link #DEVICE} registered. */
    static GenieAcsPeer start() {
        return new GenieAcsPeer(0.01);
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    String url() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    /** Makes {@code server} hand every NBI call to this peer, so tests that share one WireMock reach it. */
    GenieAcsPeer behind(WireMockServer server) {
        server.stubFor(any(urlPathMatching("/(devices|tasks|faults|presets|provisions)/.*"))
                .willReturn(aResponse().proxiedFrom(url())));
        return this;
    }

    AcsDevice register(String id, Tr069Cpe cpe) {
        AcsDevice device = new AcsDevice(id, cpe);
        devices.put(id, device);
        return device;
    }

    AcsDevice device() {
        return devices.get(DEVICE);
    }

    Tr069Cpe cpe() {
        return device().cpe;
    }

    /** GenieACS's wait for a session to end, as this peer scales it. */
    Duration sessionWait() {
        return scaled(Duration.ofSeconds(120));
    }

    /** The router's periodic inform: a whole session, run now. */
    void inform(String deviceId) {
        session(devices.get(deviceId));
    }

    void inform() {
        inform(DEVICE);
    }

    /** The router is in a session for {@code length}: the session lock is held from now on. */
    void holdSession(Duration length) throws InterruptedException {
        java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
        threads.submit(() -> {
            device().sessionLock.lock();
            try {
                held.countDown();
                Thread.sleep(length.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                device().sessionLock.unlock();
            }
        });
        held.await();
    }

    /** The next task of that name faults with {@code code} ({@code cwmp.9002}, {@code timeout}, ...). */
    void faultNext(String taskName, String code, String message) {
        plannedFaults.put(DEVICE + "/" + taskName, Map.entry(code, message));
    }

    /** The ACS lost its presets and provisions (restored from an old backup, deleted by hand). */
    void forgetPresetsAndProvisions() {
        presets.clear();
        provisions.clear();
    }

    /** Every request the NBI received, as {@code METHOD raw-path}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    long requests(String methodAndPathPrefix) {
        return requests.stream().filter(r -> r.startsWith(methodAndPathPrefix)).count();
    }

    List<ObjectNode> tasks() {
        return List.copyOf(tasks);
    }

    Map<String, ObjectNode> faults() {
        return Map.copyOf(faults);
    }

    String provision(String name) {
        return provisions.get(name);
    }

    ObjectNode preset(String name) {
        return presets.get(name);
    }

    List<String> provisionLogs() {
        return List.copyOf(runner.logs);
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
        runner.close();
    }

    // What sessions use

    List<ObjectNode> presets() {
        return presets.values().stream().sorted(AcsSession.byWeight()).toList();
    }

    ProvisionRunner provisions() {
        return runner;
    }

    List<ObjectNode> queuedTasks(String deviceId) {
        Instant now = clock.instant();
        tasks.removeIf(t -> t.hasNonNull("expiry")
                && Instant.parse(t.path("timestamp").asText()).plusSeconds(t.path("expiry").asLong()).isBefore(now));
        return tasks.stream().filter(t -> deviceId.equals(t.path("device").asText()))
                .filter(t -> !faults.containsKey(deviceId + ":task_" + t.path("_id").asText())).toList();
    }

    Map.Entry<String, String> plannedFault(String deviceId, String taskName) {
        return plannedFaults.remove(deviceId + "/" + taskName);
    }

    void done(ObjectNode task) {
        tasks.remove(task);
    }

    void faulted(String deviceId, ObjectNode task, String code, String message) {
        String id = deviceId + ":task_" + task.path("_id").asText();
        ObjectNode fault = json.createObjectNode().put("_id", id).put("device", deviceId)
                .put("channel", "task_" + task.path("_id").asText()).put("code", code).put("message", message);
        fault.putObject("detail").put("faultCode", code.replace("cwmp.", "")).put("faultString", message);
        fault.put("retries", 0).put("timestamp", clock.instant().toString()).put("provisions", "[]");
        faults.put(id, fault);
    }

    // The NBI

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        String method = exchange.getRequestMethod();
        requests.add(method + " " + path + (query == null ? "" : "?" + query));
        byte[] body = exchange.getRequestBody().readAllBytes();
        Reply reply;
        try {
            reply = route(method, path, params(query), new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            reply = new Reply(500, e.getClass().getSimpleName() + ": " + e.getMessage(), "text/plain");
        }
        byte[] out = reply.body().getBytes(StandardCharsets.UTF_8);
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
        }
        if (reply.total() != null) {
            exchange.getResponseHeaders().add("total", reply.total());
        }
        exchange.getResponseHeaders().add("GenieACS-Version", "1.2.16");
        exchange.sendResponseHeaders(reply.status(), out.length == 0 ? -1 : out.length);
        try (OutputStream stream = exchange.getResponseBody()) {
            stream.write(out);
        }
    }

    private Reply route(String method, String path, Map<String, String> query, String body) {
        Matcher m;
        if ((m = PRESETS.matcher(path)).matches() && method.equals("PUT")) {
            ObjectNode preset = (ObjectNode) readOrNull(body);
            if (preset == null) {
                return text(400, "SyntaxError: Unexpected token");
            }
            presets.put(decode(m.group(1)), preset.put("_id", decode(m.group(1))));
            return text(200, "");
        }
        if ((m = PROVISIONS.matcher(path)).matches() && method.equals("PUT")) {
            if (!runner.compiles(body)) {
                return text(400, "SyntaxError: provision does not compile");
            }
            provisions.put(decode(m.group(1)), body);
            return text(200, "");
        }
        if ((m = TAGS.matcher(path)).matches()) {
            return tag(method, decode(m.group(1)), decode(m.group(2)));
        }
        if ((m = FAULTS.matcher(path)).matches() && method.equals("DELETE")) {
            return deleteFault(decode(m.group(1)));
        }
        if ((m = DEVICE_TASKS.matcher(path)).matches()) {
            return method.equals("POST") ? postTask(decode(m.group(1)), query, body)
                    : text(405, "405 Method Not Allowed");
        }
        if ((m = TASKS.matcher(path)).matches() && method.equals("DELETE") && m.group(2) == null) {
            return deleteTask(decode(m.group(1)));
        }
        if ((m = QUERY.matcher(path)).matches() && method.equals("GET")) {
            return query(m.group(1), query);
        }
        return text(404, "404 Not Found");
    }

    private Reply postTask(String deviceId, Map<String, String> query, String body) {
        ObjectNode task = (ObjectNode) readOrNull(body);
        if (task == null) {
            return text(400, "SyntaxError: Unexpected end of JSON input");
        }
        if (!TASK_NAMES.contains(task.path("name").asText())) {
            return text(500, "Error: Invalid task name");
        }
        task.put("device", deviceId);
        AcsDevice device = devices.get(deviceId);
        if (device == null) {
            return text(404, "No such device");
        }
        if (!query.containsKey("connection_request")) {
            insert(task);
            return taskReply(202, task);
        }
        if (!tryLock(device)) {
            insert(task);
            return taskReply(202, task);
        }
        try {
            insert(task);
        } finally {
            device.sessionLock.unlock();
        }
        if (!device.cpe.online) {
            sleep(scaled(Duration.ofMillis(Long.parseLong(query.getOrDefault("timeout", "10000")))));
            return taskReply(202, task);
        }
        Future<?> session = threads.submit(() -> session(device));
        try {
            session.get(sessionWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillRunning) {
            return taskReply(202, task);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        boolean faulted = faults.containsKey(deviceId + ":task_" + task.path("_id").asText());
        return taskReply(faulted ? 202 : 200, task);
    }

    private void insert(ObjectNode task) {
        if (task.hasNonNull("uniqueKey")) {
            tasks.removeIf(t -> t.path("device").asText().equals(task.path("device").asText())
                    && t.path("uniqueKey").asText().equals(task.path("uniqueKey").asText()));
        }
        task.put("timestamp", clock.instant().toString());
        task.put("_id", String.format("%024x", ids.incrementAndGet()));
        tasks.add(task);
    }

    private void session(AcsDevice device) {
        device.sessionLock.lock();
        try {
            device.informed(clock.instant());
            sleep(device.cpe.sessionLength);
            new AcsSession(this, device, clock.instant()).run();
        } finally {
            device.sessionLock.unlock();
        }
    }

    private Reply tag(String method, String deviceId, String tag) {
        AcsDevice device = devices.get(deviceId);
        if (device == null) {
            return text(404, "No such device");
        }
        if (!tryLock(device)) {
            return text(503, "Device is in session");
        }
        try {
            if (method.equals("POST")) {
                device.tag(tag);
            } else if (method.equals("DELETE")) {
                device.untag(tag);
            } else {
                return text(405, "405 Method Not Allowed");
            }
            return text(200, "");
        } finally {
            device.sessionLock.unlock();
        }
    }

    private Reply deleteFault(String faultId) {
        String deviceId = faultId.split(":", 2)[0];
        String channel = faultId.substring(deviceId.length() + 1);
        AcsDevice device = devices.get(deviceId);
        if (device != null && !tryLock(device)) {
            return text(503, "Device is in session");
        }
        try {
            faults.remove(faultId);
            if (channel.startsWith("task_")) {
                String taskId = channel.substring(5);
                tasks.removeIf(t -> t.path("_id").asText().equals(taskId));
            }
            return text(200, "");
        } finally {
            if (device != null) {
                device.sessionLock.unlock();
            }
        }
    }

    private Reply deleteTask(String taskId) {
        ObjectNode task = tasks.stream().filter(t -> t.path("_id").asText().equals(taskId)).findFirst().orElse(null);
        if (task == null) {
            return text(404, "Task not found");
        }
        String deviceId = task.path("device").asText();
        AcsDevice device = devices.get(deviceId);
        if (!tryLock(device)) {
            return text(503, "Device is in session");
        }
        try {
            tasks.remove(task);
            faults.remove(deviceId + ":task_" + taskId);
            return text(200, "");
        } finally {
            device.sessionLock.unlock();
        }
    }

    private Reply query(String collection, Map<String, String> query) {
        JsonNode q = query.containsKey("query") ? readOrNull(query.get("query")) : json.createObjectNode();
        if (q == null) {
            return text(400, "SyntaxError: Unexpected token");
        }
        List<String> projection = query.containsKey("projection")
                ? Arrays.stream(query.get("projection").split(",")).map(String::trim).toList() : null;
        List<JsonNode> found = new ArrayList<>();
        switch (collection) {
            case "devices" -> {
                for (AcsDevice device : devices.values()) {
                    if (matches(q.path("_id"), device.id)) {
                        found.add(device.document(json, projection));
                    }
                }
            }
            case "tasks" -> tasks.stream().filter(t -> matches(q.path("device"), t.path("device").asText())
                    && matches(q.path("_id"), t.path("_id").asText())).forEach(found::add);
            case "faults" -> faults.values().stream().filter(f -> matches(q.path("_id"), f.path("_id").asText())
                    && matches(q.path("device"), f.path("device").asText())).forEach(found::add);
            case "presets" -> presets.values().stream().filter(p -> matches(q.path("_id"), p.path("_id").asText()))
                    .forEach(found::add);
            case "provisions" -> provisions.entrySet().stream().filter(p -> matches(q.path("_id"), p.getKey()))
                    .forEach(p -> found.add(json.createObjectNode().put("_id", p.getKey()).put("script",
                            p.getValue())));
            default -> {
                return text(404, "404 Not Found");
            }
        }
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < found.size(); i++) {
            out.append(i == 0 ? "" : ",\n").append(found.get(i).toString());
        }
        return new Reply(200, out.append("\n]").toString(), "application/json", String.valueOf(found.size()));
    }

    private static boolean matches(JsonNode condition, String value) {
        if (condition.isMissingNode()) {
            return true;
        }
        if (condition.has("$in")) {
            for (JsonNode candidate : condition.get("$in")) {
                if (candidate.asText().equals(value)) {
                    return true;
                }
            }
            return false;
        }
        return condition.asText().equals(value);
    }

    private boolean tryLock(AcsDevice device) {
        try {
            return device.sessionLock.tryLock(scaled(Duration.ofSeconds(5)).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Duration scaled(Duration real) {
        return Duration.ofMillis(Math.round(real.toMillis() * scale));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Reply taskReply(int status, ObjectNode task) {
        return new Reply(status, task.toString(), "application/json");
    }

    private static Reply text(int status, String body) {
        return new Reply(status, body, null);
    }

    private JsonNode readOrNull(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** decodeURIComponent: a plus stays a plus. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, String> params(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                out.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return out;
    }

    private record Reply(int status, String body, String contentType, String total) {

        Reply(int status, String body, String contentType) {
            this(status, body, contentType, null);
        }
    }
}
