package io.homeshield.infra.outbound;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * Sends requests to peers chosen by others (webhook receivers, threat feeds) through the guard:
 * the name is resolved once, every address it resolves to is checked, and the connection goes to
 * the checked address while the request and TLS (SNI, certificate check) carry the name. Each
 * exchange has one deadline for all of it, reading the answer to its end included, and each host
 * has a bounded number of slots, so a slow or trickling peer holds at most its own slots for at
 * most the deadline and never starves the others.
 */
@ApplicationScoped
public class OutboundHttp {

    private final OutboundTargets targets;
    private final Vertx vertx;
    private final HostSlots slots;
    private final HttpClient client;

    @Inject
    OutboundHttp(OutboundTargets targets, Vertx vertx, OutboundConfig config) {
        this(targets, vertx, config.slotsPerHost(), config.connectTimeout());
    }

    /** For use outside the container. */
    public OutboundHttp(OutboundTargets targets, Vertx vertx, int slotsPerHost, Duration connectTimeout) {
        this.targets = targets;
        this.vertx = vertx;
        this.slots = new HostSlots(slotsPerHost);
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) connectTimeout.toMillis())
                .setForceSni(true).setVerifyHost(true).setMaxPoolSize(slotsPerHost).setTryUseCompression(false));
    }

    /** The URL as a target this client sends to, if the guard lets it through by its form and host. */
    public OutboundTarget checked(String url, boolean httpAllowed) {
        return targets.checked(url, httpAllowed);
    }

    /**
     * Sends the request; the answer completes exceptionally with an {@link OutboundException} if the
     * destination is refused, the host has no free slot, or the exchange fails or outlasts its
     * deadline. Resolves the name on the calling thread.
     */
    public CompletableFuture<OutboundResponse> send(OutboundRequest request) {
        OutboundTarget target = request.target();
        InetAddress address;
        try {
            address = targets.connectable(target);
        } catch (OutboundRefusedException e) {
            return CompletableFuture.failedFuture(new OutboundException(OutboundException.Kind.REFUSED,
                    "Refused: " + target.host() + ": " + e.getMessage()));
        }
        if (!slots.tryTake(target.host())) {
            return CompletableFuture.failedFuture(new OutboundException(OutboundException.Kind.BUSY,
                    target.host() + " already has " + slots.perHost() + " requests in flight"));
        }
        CompletableFuture<OutboundResponse> answer = new CompletableFuture<>();
        answer.whenComplete((response, failure) -> slots.give(target.host()));
        Exchange exchange = new Exchange(request, answer);
        long timer = vertx.setTimer(Math.max(1, request.deadline().toMillis()), id -> exchange.fail(
                new OutboundException(OutboundException.Kind.DEADLINE,
                        "No complete answer within " + describe(request.deadline()))));
        answer.whenComplete((response, failure) -> vertx.cancelTimer(timer));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.valueOf(request.method()))
                .setHost(target.host()).setPort(target.port()).setURI(target.pathAndQuery()).setSsl(target.https())
                .setServer(SocketAddress.inetSocketAddress(target.port(), address.getHostAddress()))
                .setIdleTimeout(request.deadline().toMillis()).setFollowRedirects(false);
        request.headers().forEach(options::putHeader);
        client.request(options).onComplete(opened -> {
            if (opened.failed()) {
                exchange.fail(failed(opened.cause()));
                return;
            }
            exchange.started(opened.result());
            opened.result().send(Buffer.buffer(request.body())).onComplete(answered -> {
                if (answered.failed()) {
                    exchange.fail(failed(answered.cause()));
                } else {
                    exchange.read(answered.result());
                }
            });
        });
        return answer;
    }

    private static OutboundException failed(Throwable cause) {
        if (cause instanceof OutboundException outbound) {
            return outbound;
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof java.net.ConnectException || message.startsWith("Connection refused")) {
            message = "Could not connect to the receiver";
        }
        return new OutboundException(OutboundException.Kind.FAILED, message);
    }

    private static String describe(Duration deadline) {
        return deadline.toMillis() % 1000 == 0 ? deadline.toSeconds() + " s" : deadline.toMillis() + " ms";
    }

    /** One exchange's state; its callbacks all run on the connection's event loop or the timer. */
    private static final class Exchange {
        private final OutboundRequest request;
        private final CompletableFuture<OutboundResponse> answer;
        private volatile HttpClientRequest sent;
        private Buffer body;
        private long read;

        Exchange(OutboundRequest request, CompletableFuture<OutboundResponse> answer) {
            this.request = request;
            this.answer = answer;
        }

        void started(HttpClientRequest started) {
            sent = started;
            if (answer.isDone()) {
                started.reset();
            }
        }

        void read(HttpClientResponse response) {
            body = Buffer.buffer();
            response.handler(chunk -> {
                read += chunk.length();
                if (request.keepBytes() > 0) {
                    if (read > request.keepBytes()) {
                        fail(new OutboundException(OutboundException.Kind.TOO_LARGE,
                                "The answer is larger than the limit of " + request.keepBytes() + " bytes"));
                        return;
                    }
                    body.appendBuffer(chunk);
                }
            });
            response.exceptionHandler(failure -> fail(failed(failure)));
            response.endHandler(end -> {
                Map<String, String> headers = new HashMap<>();
                response.headers().forEach(header -> headers.putIfAbsent(header.getKey().toLowerCase(Locale.ROOT),
                        header.getValue()));
                answer.complete(new OutboundResponse(response.statusCode(), headers, body.getBytes()));
            });
        }

        void fail(OutboundException failure) {
            if (answer.completeExceptionally(failure)) {
                HttpClientRequest started = sent;
                if (started != null) {
                    started.reset();
                }
            }
        }
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
