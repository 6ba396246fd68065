package io.homeshield.routers.openwrt;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.homeshield.enforcement.RouterControlException;
import io.quarkus.logging.Log;

/**
 * Calls ubus methods on OpenWrt routers over uhttpd's JSON-RPC endpoint, signed in with the router's own
 * rpcd login. A session is reused while it lives. Reads whose session expired (answered -32002 "Access
 * denied") sign in again once and are repeated; calls that stage a change cannot be, since the change
 * was staged in the lost session ({@link SessionLost}). While rpcd restarts, every call, sign-in included,
 * answers -32000 "Object not found" for a moment: that is retried later, not taken for a missing service.
 * Every exchange has one deadline from connecting to the answer's last byte. Session ids and passwords are
 * never logged.
 */
class UbusClient {

    private static final String NO_SESSION = "00000000000000000000000000000000";
    private static final String OFFLINE = "The router did not answer; it may be switched off or offline.";
    private static final String RESTARTING = "The router's management service (rpcd) is restarting; HomeShield "
            + "will try again.";
    private static final int OBJECT_NOT_FOUND = -32000;

    private final OpenWrtConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, UbusSession> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    UbusClient(OpenWrtConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    /** Calls {@code object.method(args)} for a read; a session the router forgot is replaced once. */
    UbusReply call(UbusRouter router, String object, String method, ObjectNode args) throws RouterControlException {
        UbusSession session = session(router);
        UbusReply reply = post(router.url(), session.id(), object, method, args);
        if (reply.sessionRefused()) {
            Log.debugf("ubus session on %s refused; signing in again", router);
            forget(session);
            session = session(router);
            reply = post(router.url(), session.id(), object, method, args);
            if (reply.sessionRefused()) {
                forget(session);
                throw notAllowed(object, method);
            }
        }
        expectNoRpcError(session, reply, object);
        session.used(clock.instant());
        return reply;
    }

    /**
     * Calls {@code object.method(args)} within the session a change is staged in. A refused session is
     * {@link SessionLost}: the change staged there is gone with it.
     */
    UbusReply callIn(UbusSession session, String object, String method, ObjectNode args) throws RouterControlException {
        UbusReply reply = post(session.router().url(), session.id(), object, method, args);
        if (reply.sessionRefused()) {
            forget(session);
            throw new SessionLost(object + " " + method);
        }
        expectNoRpcError(session, reply, object);
        session.used(clock.instant());
        return reply;
    }

    /** The router's live session for this login, signing in when there is none. */
    UbusSession session(UbusRouter router) throws RouterControlException {
        UbusSession known = sessions.get(router.sessionKey());
        if (known != null && !known.expired(clock.instant())) {
            return known;
        }
        ObjectNode credentials = args().put("username", router.login().username())
                .put("password", router.login().password());
        UbusReply reply = post(router.url(), NO_SESSION, "session", "login", credentials);
        if (reply.rpcError() == OBJECT_NOT_FOUND) {
            throw new RouterControlException(RESTARTING, true);
        }
        if (reply.rpcError() != 0) {
            throw new RouterControlException("The router rejected HomeShield's sign-in (" + reply.rpcMessage() + ").",
                    false);
        }
        if (reply.status() == UbusStatus.PERMISSION_DENIED) {
            throw new RouterControlException("The router refused HomeShield's sign-in; the provider must install "
                    + "this router's own login (issued at registration) on the router.", false);
        }
        String id = reply.data().path("ubus_rpc_session").asText("");
        if (reply.status() != UbusStatus.OK || id.isEmpty()) {
            throw UbusStatus.failure(reply.status(), "sign-in");
        }
        UbusSession session = new UbusSession(router, id, Duration.ofSeconds(reply.data().path("timeout").asLong(300)),
                clock.instant());
        sessions.put(router.sessionKey(), session);
        return session;
    }

    /** Never uses this session again: what is staged there is left to expire with it. */
    void forget(UbusSession session) {
        sessions.remove(session.router().sessionKey(), session);
    }

    ObjectNode args() {
        return json.createObjectNode();
    }

    static RouterControlException notAllowed(String object, String method) {
        return new RouterControlException("The router does not let HomeShield's account use " + object + " " + method
                + "; the provider must grant that account access on the router.", false);
    }

    /**
     * -32000 is rpcd restarting when it concerns rpcd's own objects. For another object (say {@code system},
     * which procd provides) HomeShield asks rpcd something harmless: if rpcd answers, the object is missing.
     */
    private void expectNoRpcError(UbusSession session, UbusReply reply, String object) throws RouterControlException {
        if (reply.rpcError() == 0) {
            return;
        }
        if (reply.rpcError() == OBJECT_NOT_FOUND) {
            if (!"uci".equals(object) && !"session".equals(object)
                    && post(session.router().url(), session.id(), "uci", "configs", args()).rpcError() == 0) {
                throw new RouterControlException("The router lacks the " + object + " service HomeShield needs"
                        + ("system".equals(object) ? " (procd provides it on OpenWrt)" : "") + ".", false);
            }
            throw new RouterControlException(RESTARTING, true);
        }
        throw switch (reply.rpcError()) {
            case -32003, -32603 -> new RouterControlException("The router did not finish the request in time ("
                    + reply.rpcMessage() + "); HomeShield will try again.", true);
            default -> new RouterControlException("The router rejected HomeShield's request (" + reply.rpcMessage()
                    + ").", false);
        };
    }

    private UbusReply post(URI url, String sessionId, String object, String method, ObjectNode args)
            throws RouterControlException {
        ObjectNode body = json.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet())
                .put("method", "call");
        body.putArray("params").add(sessionId).add(object).add(method).add(args);
        Duration deadline = config.requestTimeout();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(deadline)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> response;
        try {
            // The request timeout ends at the answer's headers; the whole exchange, body included, ends here.
            response = exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new RouterControlException(OFFLINE, true, e);
        } catch (ExecutionException e) {
            throw new RouterControlException(OFFLINE, true, e.getCause());
        } catch (InterruptedException e) {
            exchange.cancel(true);
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

    /** The reply's data as JSON, for callers that read values back. */
    static JsonNode values(UbusReply reply) {
        return reply.data().path("values");
    }
}
