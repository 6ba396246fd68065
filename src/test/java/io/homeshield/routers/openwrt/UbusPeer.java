package io.homeshield.routers.openwrt;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OpenWrt router's uhttpd + rpcd + uci in process, at {@code POST /ubus}, keeping state as rpcd does and
 * answering as it was observed to (OW-1 to OW-13): sessions from {@code session login} with an idle timeout;
 * changes staged per session and lost with it; {@code uci set} refusing empty lists with 2; {@code uci get}
 * of a missing section answering 0 without values and {@code delete} of one 4; {@code apply} with nothing
 * staged 5; a pending {@code apply} with rollback making {@code apply} and {@code revert} answer 6 until it is
 * confirmed or rolled back (the rolled-back delta then back in the owner's staged changes, {@code confirm} 5);
 * ACLs per login (ubus methods: JSON-RPC -32002; uci configs: status 6); {@code system} from procd, -32000
 * without it; -32000 for every call, sign-in included, while rpcd restarts (which ends every session).
 * What HomeShield sent is kept in {@link #received()}.
 */
public final class UbusPeer implements AutoCloseable {

    public static final String NO_SESSION = "00000000000000000000000000000000";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One JSON-RPC call as the router received it. */
    public record Received(String body, String session, String object, String method, JsonNode args) {

        public boolean is(String anObject, String aMethod) {
            return object.equals(anObject) && method.equals(aMethod);
        }
    }

    /** What a login may do: ubus methods by object ("*" for all), uci configs it may read and write. */
    /**
     * A login's rpcd ACL: ubus objects and methods, UCI configs it may read and write, and (rpcd's
     * {@code file} scope) paths it may {@code read} or {@code exec}, as globs.
     */
    public record Acl(Map<String, Set<String>> ubus, Set<String> read, Set<String> write, Map<String,
            Set<String>> files) {

        public Acl(Map<String, Set<String>> ubus, Set<String> read, Set<String> write) {
            this(ubus, read, write, Map.of());
        }

        /** HomeShield's ACL with the reads evidence needs (docs/routers-openwrt.md): every config, files, log. */
        public static Acl withForensics() {
            return new Acl(Map.of("uci", Set.of("get", "set", "add", "delete", "apply", "confirm", "revert", "configs",
                    "changes"), "system", Set.of("board", "info", "reboot"), "file", Set.of("read", "exec"), "log",
                    Set.of("read")), Set.of("*"), Set.of("firewall", "dhcp"),
                    Map.of("/proc/net/*", Set.of("read"), "/bin/ps", Set.of("exec")));
        }

        boolean allowsFile(String path, String permission) {
            return files.entrySet().stream().anyMatch(e -> e.getValue().contains(permission)
                    && FileSystems.getDefault().getPathMatcher("glob:" + e.getKey())
                            .matches(Paths.get(path)));
        }

        /** The ACL the provider installs for HomeShield's login (docs/routers-openwrt.md). */
        public static Acl homeShield() {
            return new Acl(Map.of("uci", Set.of("get", "set", "add", "delete", "apply", "confirm", "revert", "configs",
                    "changes"), "system", Set.of("board", "reboot")), Set.of("firewall", "dhcp"),
                    Set.of("firewall", "dhcp"));
        }

        public static Acl readOnly() {
            Acl full = homeShield();
            return new Acl(full.ubus(), full.read(), Set.of());
        }

        boolean allows(String object, String method) {
            Set<String> methods = ubus.get(object);
            return methods != null && (methods.contains("*") || methods.contains(method));
        }
    }

    private record Login(String password, Acl acl) {
    }

    private static final class Section {
        final String type;
        final boolean anonymous;
        final LinkedHashMap<String, JsonNode> options = new LinkedHashMap<>();

        Section(String type, boolean anonymous) {
            this.type = type;
            this.anonymous = anonymous;
        }

        Section copy() {
            Section copy = new Section(type, anonymous);
            options.forEach((name, value) -> copy.options.put(name, value.deepCopy()));
            return copy;
        }
    }

    /** A staged change: {@code uci add}, {@code set} or {@code delete} with the arguments it was called with. */
    private record Change(String method, String config, ObjectNode args) {
    }

    private static final class Session {
        final String id;
        final String username;
        final List<Change> staged = new ArrayList<>();
        Instant lastUsed;

        Session(String id, String username, Instant now) {
            this.id = id;
            this.username = username;
            this.lastUsed = now;
        }
    }

    private record Pending(String owner, Instant deadline, Map<String, Map<String, Section>> before,
            List<Change> delta) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(4);
    private final Map<String, Login> logins = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Map<String, Map<String, Section>> committed = new LinkedHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Map.Entry<String, Runnable>> beforeCalls = new ArrayList<>();
    private Duration sessionTimeout = Duration.ofSeconds(300);
    private Pending pending;
    private Instant restartingUntil = Instant.MIN;
    private boolean procd = true;
    private boolean logd = true;
    private final Map<String, String> files = new LinkedHashMap<>();
    private final Map<String, String> programs = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private Duration bodyDelay = Duration.ZERO;

    private UbusPeer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ubus", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    /** A router with a LAN/WAN firewall and one dnsmasq instance, as a fresh OpenWrt install has. */
    public static UbusPeer start() {
        try {
            UbusPeer peer = new UbusPeer();
            peer.section("firewall", "cfg01e63d", "defaults", true, Map.of("input", "REJECT", "forward", "REJECT"));
            peer.section("firewall", "cfg02dc81", "zone", true, Map.of("name", "lan", "network", List.of("lan")));
            peer.section("firewall", "cfg03dc81", "zone", true, Map.of("name", "wan", "network", List.of("wan")));
            peer.section("dhcp", "cfg01411c", "dnsmasq", true, Map.of("domainneeded", "1", "local", "/lan/",
                    "domain", "lan", "address", List.of("/router.lan/192.168.1.1")));
            return peer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ubus";
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    // --- the router's set-up -------------------------------------------------------------------------------

    public synchronized void login(String username, String password, Acl acl) {
        logins.put(username, new Login(password, acl));
    }

    public synchronized void login(RpcdLogin login) {
        login(login.username(), login.password(), Acl.homeShield());
    }

    /** A section in {@code /etc/config/<config>}; option values are strings or lists of strings. */
    public synchronized void section(String config, String name, String type, boolean anonymous, Map<String,
            ?> options) {
        Section section = new Section(type, anonymous);
        options.forEach((option, value) -> section.options.put(option, json.valueToTree(value)));
        committed.computeIfAbsent(config, c -> new LinkedHashMap<>()).put(name, section);
    }

    /** A file rpcd's {@code file read} can return, such as {@code /proc/net/tcp}. */
    public synchronized void file(String path, String content) {
        files.put(path, content);
    }

    /** A program rpcd's {@code file exec} can run, with what it prints. */
    public synchronized void program(String command, String stdout) {
        programs.put(command, stdout);
    }

    /** A line of the system log logd keeps. */
    public synchronized void logLine(String message) {
        log.add(message);
    }

    /** A build without logd: the {@code log} object is missing. */
    public synchronized void withoutLogd() {
        logd = false;
    }

    public synchronized void withoutProcd() {
        procd = false;
    }

    public synchronized void sessionTimeout(Duration timeout) {
        sessionTimeout = timeout;
    }

    /** rpcd restarts: every session ends, and every call answers -32000 until {@code duration} has passed. */
    public synchronized void restartFor(Duration duration) {
        sessions.clear();
        restartingUntil = Instant.now().plus(duration);
    }

    /** Every session ends, as after rpcd's idle timeout; what they staged is gone. */
    public synchronized void expireSessions() {
        sessions.clear();
    }

    /** Runs {@code action} just before the router handles the next {@code object method} call. */
    public synchronized void beforeNext(String object, String method, Runnable action) {
        beforeCalls.add(Map.entry(object + " " + method, action));
    }

    /** Answers are sent in two parts with this pause between them. */
    public synchronized void answerSlowly(Duration pause) {
        bodyDelay = pause;
    }

    /**
     * Someone else (say the LuCI admin) signs in, stages {@code change} and applies it with rollback, leaving
     * it awaiting confirmation for {@code timeout}.
     */
    public synchronized void someoneElseAppliesWithRollback(String config, String section, Map<String, ?> values,
            Duration timeout) {
        login("root", "admin-password", new Acl(Map.of("uci", Set.of("*")), Set.of("*"), Set.of("*")));
        String sid = answer(call(NO_SESSION, "session", "login", Map.of("username", "root", "password",
                "admin-password"))).path(1).path("ubus_rpc_session").asText();
        answer(call(sid, "uci", "set", Map.of("config", config, "section", section, "values", values)));
        JsonNode applied = answer(call(sid, "uci", "apply", Map.of("rollback", true, "timeout", timeout.toSeconds())));
        if (applied.path(0).asInt() != 0) {
            throw new IllegalStateException("the other session's apply failed: " + applied);
        }
        pending = new Pending(pending.owner(), Instant.now().plus(timeout), pending.before(), pending.delta());
    }

    /** The change awaiting confirmation reaches its rollback timeout now. */
    public synchronized void rollbackTimeoutPasses() {
        if (pending != null) {
            pending = new Pending(pending.owner(), Instant.now(), pending.before(), pending.delta());
            rollBackWhenDue();
        }
    }

    // --- what the router holds and received ----------------------------------------------------------------

    /** A committed section's options (what {@code /etc/config} holds), or null when there is none. */
    public synchronized Map<String, JsonNode> committed(String config, String section) {
        rollBackWhenDue();
        Section found = committed.getOrDefault(config, Map.of()).get(section);
        return found == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(found.options));
    }

    /** The names of the committed sections of a config. */
    public synchronized Set<String> sections(String config) {
        rollBackWhenDue();
        return Set.copyOf(committed.getOrDefault(config, Map.of()).keySet());
    }

    public synchronized int stagedIn(String session) {
        Session found = sessions.get(session);
        return found == null ? 0 : found.staged.size();
    }

    public synchronized boolean awaitingConfirmation() {
        rollBackWhenDue();
        return pending != null;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String object, String method) {
        return received.stream().filter(call -> call.is(object, method)).toList();
    }

    public void forgetReceived() {
        received.clear();
    }

    // --- HTTP ----------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            ObjectNode reply;
            Duration delay;
            synchronized (this) {
                reply = respond(body);
                delay = bodyDelay;
            }
            byte[] bytes = reply.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            OutputStream out = exchange.getResponseBody();
            int half = delay.isZero() ? bytes.length : bytes.length / 2;
            out.write(bytes, 0, half);
            if (half < bytes.length) {
                out.flush();
                Thread.sleep(delay.toMillis());
                out.write(bytes, half, bytes.length - half);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private ObjectNode respond(String body) {
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            return error(NODES.nullNode(), -32700, "Parse error");
        }
        JsonNode params = request.path("params");
        if (!"call".equals(request.path("method").asText()) || params.size() != 4 || !params.path(3).isObject()) {
            return error(request.path("id"), -32600, "Invalid request");
        }
        Received call = new Received(body, params.path(0).asText(), params.path(1).asText(), params.path(2).asText(),
                params.path(3));
        received.add(call);
        runHooks(call);
        ObjectNode reply = NODES.objectNode().put("jsonrpc", "2.0");
        reply.set("id", request.path("id"));
        JsonNode result = dispatch(call.session(), call.object(), call.method(), (ObjectNode) call.args());
        if (result.has("code")) {
            reply.set("error", result);
        } else {
            reply.set("result", result);
        }
        return reply;
    }

    private void runHooks(Received call) {
        Iterator<Map.Entry<String, Runnable>> hooks = beforeCalls.iterator();
        while (hooks.hasNext()) {
            Map.Entry<String, Runnable> hook = hooks.next();
            if (hook.getKey().equals(call.object() + " " + call.method())) {
                hooks.remove();
                hook.getValue().run();
                return;
            }
        }
    }

    private JsonNode call(String session, String object, String method, Map<String, ?> args) {
        return dispatch(session, object, method, json.valueToTree(args));
    }

    private static JsonNode answer(JsonNode result) {
        if (result.has("code")) {
            throw new IllegalStateException("ubus error " + result);
        }
        return result;
    }

    // --- rpcd ----------------------------------------------------------------------------------------------

    /** A JSON-RPC result array, or an error object ({@code code}, {@code message}). */
    private JsonNode dispatch(String sid, String object, String method, ObjectNode args) {
        rollBackWhenDue();
        Instant now = Instant.now();
        if (now.isBefore(restartingUntil)) {
            return rpcError(-32000, "Object not found");
        }
        if ("session".equals(object) && "login".equals(method)) {
            return sessionLogin(args, now);
        }
        Session session = sessions.get(sid);
        if (session != null && !now.isBefore(session.lastUsed.plus(sessionTimeout))) {
            sessions.remove(sid);
            session = null;
        }
        if (session == null || !logins.get(session.username).acl().allows(object, method)) {
            return rpcError(-32002, "Access denied");
        }
        session.lastUsed = now;
        return switch (object) {
            case "uci" -> uci(session, method, args);
            case "system" -> procd ? system(method) : rpcError(-32000, "Object not found");
            case "file" -> file(logins.get(session.username).acl(), method, args);
            case "log" -> logd ? log(method) : rpcError(-32000, "Object not found");
            default -> rpcError(-32000, "Object not found");
        };
    }

    private JsonNode sessionLogin(ObjectNode args, Instant now) {
        Login login = logins.get(args.path("username").asText());
        if (login == null || !login.password().equals(args.path("password").asText(null))) {
            return status(6);
        }
        byte[] raw = new byte[16];
        ThreadLocalRandom.current().nextBytes(raw);
        String id = HexFormat.of().formatHex(raw);
        sessions.put(id, new Session(id, args.path("username").asText(), now));
        ObjectNode data = NODES.objectNode().put("ubus_rpc_session", id).put("timeout", sessionTimeout.toSeconds())
                .put("expires", sessionTimeout.toSeconds());
        data.putObject("data").put("username", args.path("username").asText());
        return status(0).add(data);
    }

    private JsonNode system(String method) {
        return switch (method) {
            case "board" -> {
                ObjectNode board = NODES.objectNode().put("kernel", "5.15.150").put("hostname", "OpenWrt")
                        .put("model", "OpenWrt One");
                board.putObject("release").put("distribution", "OpenWrt").put("version", "23.05.3")
                        .put("revision", "r23809-234f1a2efa").put("target", "mediatek/filogic");
                yield status(0).add(board);
            }
            case "info" -> {
                ObjectNode info = NODES.objectNode().put("localtime", Instant.now().getEpochSecond()).put("uptime",
                        86400);
                info.putArray("load").add(2048).add(1024).add(512);
                info.putObject("memory").put("total", 1_000_000_000L).put("free", 600_000_000L);
                yield status(0).add(info);
            }
            case "reboot" -> status(0);
            default -> rpcError(-32601, "Method not found");
        };
    }

    /** rpcd's file plugin: the session's {@code file} ACL scope decides per path; a missing file is status 4. */
    private JsonNode file(Acl acl, String method, ObjectNode args) {
        return switch (method) {
            case "read" -> {
                String path = args.path("path").asText("");
                if (!acl.allowsFile(path, "read")) {
                    yield status(6);
                }
                String content = files.get(path);
                yield content == null ? status(4) : status(0).add(NODES.objectNode().put("data", content));
            }
            case "exec" -> {
                String command = args.path("command").asText("");
                if (!acl.allowsFile(command, "exec")) {
                    yield status(6);
                }
                String stdout = programs.get(command);
                yield stdout == null ? status(4)
                        : status(0).add(NODES.objectNode().put("code", 0).put("stdout", stdout).put("stderr", ""));
            }
            default -> rpcError(-32601, "Method not found");
        };
    }

    /** logd's {@code log read}: the buffered lines with their time, priority and source. */
    private JsonNode log(String method) {
        if (!"read".equals(method)) {
            return rpcError(-32601, "Method not found");
        }
        ArrayNode lines = NODES.arrayNode();
        for (int i = 0; i < log.size(); i++) {
            lines.addObject().put("msg", log.get(i)).put("id", i + 1).put("priority", 30).put("source", 1)
                    .put("time", 1_700_000_000_000L + i * 1000L);
        }
        ObjectNode data = NODES.objectNode();
        data.set("log", lines);
        return status(0).add(data);
    }

    private JsonNode uci(Session session, String method, ObjectNode args) {
        String config = args.path("config").asText(null);
        Acl acl = logins.get(session.username).acl();
        return switch (method) {
            case "configs" -> {
                ArrayNode names = NODES.arrayNode();
                committed.keySet().forEach(names::add);
                ObjectNode data = NODES.objectNode();
                data.set("configs", names);
                yield status(0).add(data);
            }
            case "get" -> config == null ? status(2) : !readable(acl, config) ? status(6) : get(session, config, args);
            case "set", "add", "delete" -> config == null ? status(2) : !writable(acl, config) ? status(6)
                    : stage(session, new Change(method, config, args.deepCopy()));
            case "revert" -> config == null ? status(2) : pending != null || !writable(acl, config) ? status(6)
                    : revert(session, config);
            case "apply" -> apply(session, args);
            case "confirm" -> pending == null ? status(5) : !pending.owner().equals(session.id) ? status(6) : confirm();
            case "changes" -> status(0).add(NODES.objectNode().putObject("changes"));
            default -> rpcError(-32601, "Method not found");
        };
    }

    private static boolean readable(Acl acl, String config) {
        return acl.read().contains("*") || acl.read().contains(config) || writable(acl, config);
    }

    private static boolean writable(Acl acl, String config) {
        return acl.write().contains("*") || acl.write().contains(config);
    }

    private JsonNode get(Session session, String config, ObjectNode args) {
        Map<String, Section> sections = view(session).get(config);
        if (sections == null) {
            return status(4);
        }
        String name = args.path("section").asText(null);
        if (name != null) {
            Section section = sections.get(name);
            if (section == null) {
                return status(0);
            }
            ObjectNode data = NODES.objectNode();
            data.set("values", shown(name, section, index(sections, name)));
            return status(0).add(data);
        }
        String type = args.path("type").asText(null);
        ObjectNode values = NODES.objectNode();
        sections.forEach((sectionName, section) -> {
            if (type == null || type.equals(section.type)) {
                values.set(sectionName, shown(sectionName, section, index(sections, sectionName)));
            }
        });
        ObjectNode data = NODES.objectNode();
        data.set("values", values);
        return status(0).add(data);
    }

    private static int index(Map<String, Section> sections, String name) {
        return new ArrayList<>(sections.keySet()).indexOf(name);
    }

    private static ObjectNode shown(String name, Section section, int index) {
        ObjectNode shown = NODES.objectNode().put(".anonymous", section.anonymous).put(".type", section.type)
                .put(".name", name).put(".index", index);
        section.options.forEach(shown::set);
        return shown;
    }

    /** Checks a change against the session's view of the config as rpcd does, then stages it. */
    private JsonNode stage(Session session, Change change) {
        Map<String, Section> sections = view(session).get(change.config());
        if (sections == null) {
            return status(4);
        }
        JsonNode values = change.args().path("values");
        String section = change.args().path("section").asText(null);
        switch (change.method()) {
            case "set" -> {
                if (section == null || !values.isObject()) {
                    return status(2);
                }
                if (!sections.containsKey(section)) {
                    return status(4);
                }
                if (hasEmptyList(values)) {
                    return status(2);
                }
            }
            case "add" -> {
                if (change.args().path("type").asText("").isEmpty() || hasEmptyList(values)) {
                    return status(2);
                }
                if (!change.args().has("name")) {
                    byte[] raw = new byte[3];
                    ThreadLocalRandom.current().nextBytes(raw);
                    change.args().put("name", "cfg" + HexFormat.of().formatHex(raw));
                    change.args().put("anonymous", true);
                }
            }
            default -> {
                if (section == null || !sections.containsKey(section)) {
                    return status(4);
                }
                String option = change.args().path("option").asText(null);
                if (option != null && !sections.get(section).options.containsKey(option)) {
                    return status(4);
                }
            }
        }
        session.staged.add(change);
        return "add".equals(change.method())
                ? status(0).add(NODES.objectNode().put("section", change.args().path("name").asText()))
                : status(0);
    }

    private static boolean hasEmptyList(JsonNode values) {
        for (JsonNode value : values) {
            if (value.isArray() && value.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private JsonNode revert(Session session, String config) {
        session.staged.removeIf(change -> change.config().equals(config));
        return status(0);
    }

    private JsonNode apply(Session session, ObjectNode args) {
        if (pending != null) {
            return status(6);
        }
        if (session.staged.isEmpty()) {
            return status(5);
        }
        Map<String, Map<String, Section>> after = view(session);
        Map<String, Map<String, Section>> before = new LinkedHashMap<>();
        for (Change change : session.staged) {
            before.computeIfAbsent(change.config(), config -> copy(committed.get(config)));
        }
        before.keySet().forEach(config -> committed.put(config, after.get(config)));
        List<Change> delta = List.copyOf(session.staged);
        session.staged.clear();
        if (args.path("rollback").asBoolean(false)) {
            pending = new Pending(session.id, Instant.now().plusSeconds(args.path("timeout").asLong(30)), before,
                    delta);
        }
        return status(0);
    }

    private JsonNode confirm() {
        pending = null;
        return status(0);
    }

    /** rpcd's rollback timer: the configs go back, and the delta back into its session's staged changes. */
    private void rollBackWhenDue() {
        if (pending == null || Instant.now().isBefore(pending.deadline())) {
            return;
        }
        committed.putAll(pending.before());
        Session owner = sessions.get(pending.owner());
        if (owner != null) {
            owner.staged.addAll(pending.delta());
        }
        pending = null;
    }

    /** The configs as the session sees them: committed, with its staged changes on top. */
    private Map<String, Map<String, Section>> view(Session session) {
        Map<String, Map<String, Section>> view = new LinkedHashMap<>();
        committed.forEach((config, sections) -> view.put(config, copy(sections)));
        for (Change change : session.staged) {
            Map<String, Section> sections = view.get(change.config());
            ObjectNode args = change.args();
            String name = args.path("section").asText(args.path("name").asText(null));
            switch (change.method()) {
                case "add" -> {
                    Section section = new Section(args.path("type").asText(), args.path("anonymous").asBoolean(false));
                    args.path("values").fields().forEachRemaining(e -> section.options.put(e.getKey(), e.getValue()));
                    sections.put(name, section);
                }
                case "set" -> args.path("values").fields()
                        .forEachRemaining(e -> sections.get(name).options.put(e.getKey(), e.getValue()));
                default -> {
                    String option = args.path("option").asText(null);
                    if (option == null) {
                        sections.remove(name);
                    } else if (sections.containsKey(name)) {
                        sections.get(name).options.remove(option);
                    }
                }
            }
        }
        return view;
    }

    private static Map<String, Section> copy(Map<String, Section> sections) {
        Map<String, Section> copy = new LinkedHashMap<>();
        if (sections != null) {
            sections.forEach((name, section) -> copy.put(name, section.copy()));
        }
        return copy;
    }

    private static ArrayNode status(int status) {
        return NODES.arrayNode().add(status);
    }

    private static ObjectNode rpcError(int code, String message) {
        return NODES.objectNode().put("code", code).put("message", message);
    }

    private static ObjectNode error(JsonNode id, int code, String message) {
        ObjectNode reply = NODES.objectNode().put("jsonrpc", "2.0");
        reply.set("id", id);
        reply.set("error", rpcError(code, message));
        return reply;
    }

    @Override
    public String toString() {
        return "UbusPeer[" + url() + ", sessions=" + sessions.size() + ", pending=" + Objects.nonNull(pending) + "]";
    }
}
