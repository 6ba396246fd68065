package io.homeshield.routers.openwrt;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.homeshield.enforcement.RouterControlException;
import io.quarkus.logging.Log;

/**
 * Calls ubus methods on OpenWrt routers over uhttpd's JSON-RPC endpoint, signed in with rpcd's
 * {@code session login}. A router's session is reused while it lives; one that expired (rpcd's idle
 * timeout, a router restart) is answered -32002 "Access denied", and the call signs in again once and
 * is repeated. Session ids and the password are never logged.
 */
class UbusClient {

    private static final String NO_SESSION = "00000000000000000000000000000000";
    private static final String OFFLINE = "The router did not answer; it may be switched off or offline.";

    private final OpenWrtConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    UbusClient(OpenWrtConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    private record Session(String id, Duration timeout, Instant lastUsed) {

        boolean expired(Instant now) {
            return !now.isBefore(lastUsed.plus(timeout));
        }
    }

    /** Calls {@code object.method(args)} on the router at {@code url}; a JSON-RPC error becomes a plain reason. */
    UbusReply call(URI url, String object, String method, ObjectNode args) throws RouterControlException {
        String key = url.toString();
        Session session = session(url);
        UbusReply reply = post(url, session.id(), object, method, args);
        if (reply.sessionRefused()) {
            Log.debugf("ubus session on %s refused; signing in again", url.getHost());
            sessions.remove(key);
            session = session(url);
            reply = post(url, session.id(), object, method, args);
            if (reply.sessionRefused()) {
                sessions.remove(key);
                throw new RouterControlException("The router does not let HomeShield's account use " + object + " "
                        + method + "; the provider must grant that account access on the router.", false);
            }
        }
        if (reply.rpcError() != 0) {
            throw rpcFailure(reply, object);
        }
        sessions.put(key, new Session(session.id(), session.timeout(), clock.instant()));
        return reply;
    }

    /**
     * Calls a method only within the router's live session, for changes staged in it: a new session
     * has nothing staged, so without a live one there is nothing to do.
     */
    void callInCurrentSession(URI url, String object, String method, ObjectNode args) throws RouterControlException {
        Session known = sessions.get(url.toString());
        if (known != null && !known.expired(clock.instant())) {
            post(url, known.id(), object, method, args);
        }
    }

    ObjectNode args() {
        return json.createObjectNode();
    }

    private Session session(URI url) throws RouterControlException {
        Session known = sessions.get(url.toString());
        if (known != null && !known.expired(clock.instant())) {
            return known;
        }
        String password = config.password().orElseThrow(() -> new RouterControlException("HomeShield has no password "
                + "for signing in to OpenWrt routers; the provider must configure one.", false));
        ObjectNode credentials = args().put("username", config.username()).put("password", password);
        UbusReply reply = post(url, NO_SESSION, "session", "login", credentials);
        if (reply.rpcError() != 0) {
            throw rpcFailure(reply, "session");
        }
        if (reply.status() == UbusStatus.PERMISSION_DENIED) {
            throw new RouterControlException("The router refused HomeShield's sign-in; the provider must check the "
                    + "account HomeShield uses on its routers.", false);
        }
        String id = reply.data().path("ubus_rpc_session").asText("");
        if (reply.status() != UbusStatus.OK || id.isEmpty()) {
            throw UbusStatus.failure(reply.status(), "sign-in");
        }
        Session session = new Session(id, Duration.ofSeconds(reply.data().path("timeout").asLong(300)), clock.instant());
        sessions.put(url.toString(), session);
        return session;
    }

    private UbusReply post(URI url, String sessionId, String object, String method, ObjectNode args)
            throws RouterControlException {
        ObjectNode body = json.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet())
                .put("method", "call");
        body.putArray("params").add(sessionId).add(object).add(method).add(args);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RouterControlException(OFFLINE, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RouterControlException(OFFLINE, true, e);
        }
        if (response.statusCode() >= 500) {
            throw new RouterControlException("The router's web server reported an error (HTTP " + response.statusCode()
                    + "); HomeShield will try again.", true);
        }
        if (response.statusCode() != 200) {
            throw new RouterControlException("The router's management address does not lead to its ubus interface "
                    + "(HTTP " + response.statusCode() + "); its registration in HomeShield may be wrong.", false);
        }
        try {
            return UbusReply.of(json.readTree(response.body()));
        } catch (IOException e) {
            throw new RouterControlException("The router sent an answer HomeShield cannot read.", true, e);
        }
    }

    private static RouterControlException rpcFailure(UbusReply reply, String object) {
        return switch (reply.rpcError()) {
            case -32000 -> new RouterControlException("The router lacks the " + object + " service HomeShield needs.",
                    false);
            case -32003, -32603 -> new RouterControlException("The router did not finish the request in time ("
                    + reply.rpcMessage() + "); HomeShield will try again.", true);
            default -> new RouterControlException("The router rejected HomeShield's request (" + reply.rpcMessage()
                    + ").", false);
        };
    }

    /** The reply's data as JSON, for callers that read values back. */
    static JsonNode values(UbusReply reply) {
        return reply.data().path("values");
    }
}
