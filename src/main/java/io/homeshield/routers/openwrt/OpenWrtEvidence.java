package io.homeshield.routers.openwrt;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.homeshield.enforcement.EvidenceBundle;
import io.homeshield.enforcement.RouterControlException;

/**
 * Evidence from an OpenWrt router through rpcd, reading only: every UCI configuration ({@code uci
 * configs}, then {@code uci get} of each, also written out in {@code uci export} form), {@code system
 * board} and {@code info}, the process list ({@code file exec /bin/ps}), the listening sockets ({@code
 * file read} of {@code /proc/net/tcp}, {@code tcp6}, {@code udp}, {@code udp6}) and the system log
 * ({@code log read}). What the login's ACL refuses (status 6, or "Access denied" for a whole object)
 * or the router lacks is named in plain words; a router out of reach fails the collection, to be tried again.
 */
final class OpenWrtEvidence {

    private static final List<String> SOCKET_TABLES = List.of("tcp", "tcp6", "udp", "udp6");
    private static final int LOG_LINES = 2000;

    private final UbusClient ubus;

    OpenWrtEvidence(UbusClient ubus) {
        this.ubus = ubus;
    }

    EvidenceBundle collect(UbusRouter router) throws RouterControlException {
        EvidenceBundle.Builder evidence = EvidenceBundle.builder();
        configurations(router, evidence);
        board(router, evidence);
        info(router, evidence);
        processes(router, evidence);
        sockets(router, evidence);
        systemLog(router, evidence);
        return evidence.build();
    }

    private void configurations(UbusRouter router, EvidenceBundle.Builder evidence) throws RouterControlException {
        UbusReply configs = ubus.call(router, "uci", "configs", ubus.args());
        if (configs.status() != UbusStatus.OK) {
            evidence.notCollected("Configuration: the router would not list its configurations (" + name(configs)
                    + ").");
            return;
        }
        StringBuilder export = new StringBuilder();
        List<String> refused = new ArrayList<>();
        for (JsonNode config : configs.data().path("configs")) {
            String configName = config.asText();
            UbusReply reply = ubus.call(router, "uci", "get", ubus.args().put("config", configName));
            if (reply.status() == UbusStatus.PERMISSION_DENIED) {
                refused.add(configName);
                continue;
            }
            if (reply.status() != UbusStatus.OK) {
                evidence.notCollected("Configuration " + configName + ": the router did not give it (" + name(reply)
                        + ").");
                continue;
            }
            UciExport.append(export, configName, UbusClient.values(reply), evidence);
        }
        if (!refused.isEmpty()) {
            evidence.notCollected("Configuration " + String.join(", ", refused) + ": HomeShield's login may not read"
                    + " it (the router's ACL refused).");
        }
        evidence.file("uci export", export.toString());
    }

    private void board(UbusRouter router, EvidenceBundle.Builder evidence) throws RouterControlException {
        JsonNode board = read(router, "system", "board", "System board (model, release)", evidence);
        if (board != null) {
            flatten("system.board", board, evidence);
        }
    }

    private void info(UbusRouter router, EvidenceBundle.Builder evidence) throws RouterControlException {
        JsonNode info = read(router, "system", "info", "System information (uptime, memory, load)", evidence);
        if (info != null) {
            evidence.file("system info", info.toPrettyString());
        }
    }

    private void processes(UbusRouter router, EvidenceBundle.Builder evidence) throws RouterControlException {
        JsonNode ps = exec(router, "/bin/ps", List.of("w"), "Process list", evidence);
        if (ps == null) {
            return;
        }
        String out = ps.path("stdout").asText("");
        evidence.file("processes", out);
        int row = 0;
        for (String line : out.split("\n")) {
            String command = ProcessLine.command(line);
            if (command != null) {
                evidence.parameter("system.process." + ++row + ".command", command);
            }
        }
    }

    private void sockets(UbusRouter router, EvidenceBundle.Builder evidence) throws RouterControlException {
        StringBuilder text = new StringBuilder();
        int row = 0;
        for (String table : SOCKET_TABLES) {
            Answer answer = answer(router, "file", "read", ubus.args().put("path", "/proc/net/" + table),
                    "Listening sockets (/proc/net/" + table + ")", evidence);
            if (answer.objectRefused()) {
                break; // the whole file object is refused: one sentence says so
            }
            JsonNode file = answer.data();
            if (file == null) {
                continue;
            }
            String data = file.path("data").asText("");
            text.append("# /proc/net/").append(table).append('\n').append(data).append('\n');
            for (String listening : ProcNet.listening(table, data)) {
                evidence.parameter("system.listening." + ++row, listening);
            }
        }
        if (!text.isEmpty()) {
            evidence.file("sockets", text.toString());
        }
    }

    private void systemLog(UbusRouter router, EvidenceBundle.Builder evidence) throws RouterControlException {
        JsonNode log = read(router, "log", "read", ubus.args().put("lines", LOG_LINES).put("stream", false),
                "System log", evidence);
        if (log == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode line : log.path("log")) {
            text.append(line.path("time").asLong()).append(' ').append(line.path("msg").asText("")).append('\n');
        }
        evidence.file("system log", text.toString());
    }

    private JsonNode exec(UbusRouter router, String command, List<String> params, String what,
            EvidenceBundle.Builder evidence) throws RouterControlException {
        ObjectNode args = ubus.args().put("command", command);
        params.forEach(args.putArray("params")::add);
        JsonNode out = read(router, "file", "exec", args, what, evidence);
        if (out != null && out.path("code").asInt(0) != 0) {
            evidence.notCollected(what + ": " + command + " ended with code " + out.path("code").asInt() + ".");
        }
        return out;
    }

    private JsonNode read(UbusRouter router, String object, String method, String what, EvidenceBundle.Builder evidence)
            throws RouterControlException {
        return read(router, object, method, ubus.args(), what, evidence);
    }

    /**
     * The answer's data, or null with the reason noted: a refusal or a missing service is noted, a router
     * out of reach (a retryable failure) fails the whole collection.
     */
    private JsonNode read(UbusRouter router, String object, String method, ObjectNode args,
            String what, EvidenceBundle.Builder evidence) throws RouterControlException {
        return answer(router, object, method, args, what, evidence).data();
    }

    /** An answer's data (null when refused), and whether the whole object was refused (ACL, missing service). */
    private record Answer(JsonNode data, boolean objectRefused) {
    }

    private Answer answer(UbusRouter router, String object, String method, ObjectNode args, String what,
            EvidenceBundle.Builder evidence) throws RouterControlException {
        UbusReply reply;
        try {
            reply = ubus.call(router, object, method, args);
        } catch (RouterControlException e) {
            if (e.retryable()) {
                throw e;
            }
            evidence.notCollected(what + ": " + e.getMessage());
            return new Answer(null, true);
        }
        if (reply.status() == UbusStatus.PERMISSION_DENIED) {
            evidence.notCollected(what + ": HomeShield's login may not use " + object + " " + method
                    + " there (the router's ACL refused).");
            return new Answer(null, false);
        }
        if (reply.status() != UbusStatus.OK) {
            evidence.notCollected(what + ": the router did not give it (" + name(reply) + ").");
            return new Answer(null, false);
        }
        return new Answer(reply.data(), false);
    }

    private static void flatten(String prefix, JsonNode node, EvidenceBundle.Builder evidence) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix + "." + field.getKey(), field.getValue(), evidence);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + (i + 1), node.get(i), evidence);
            }
        } else {
            evidence.parameter(prefix, node.asText());
        }
    }

    private static String name(UbusReply reply) {
        return "status " + reply.status();
    }
}
