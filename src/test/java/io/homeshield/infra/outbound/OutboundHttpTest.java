package io.homeshield.infra.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.vertx.core.Vertx;

/**
 * The outbound client against real receivers on the loopback interface (permitted as the
 * provider's own): one that trickles its answer a byte at a time, and one that answers at once.
 */
class OutboundHttpTest {

    private static final Duration DEADLINE = Duration.ofMillis(3000);
    /** For receivers that answer at once: long enough for a first connection on a busy machine. */
    private static final Duration GENEROUS = Duration.ofSeconds(20);

    private final Map<String, List<InetAddress>> dns = new ConcurrentHashMap<>();
    private final List<String> hostHeaders = new CopyOnWriteArrayList<>();
    private final AtomicInteger trickling = new AtomicInteger();
    private Vertx vertx;
    private HttpServer server;
    private OutboundHttp http;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/slow", this::trickle);
        server.createContext("/fast", this::answerAtOnce);
        server.start();
        vertx = Vertx.vertx();
        HostResolver resolver = host -> {
            List<InetAddress> answer = dns.get(host);
            if (answer == null) {
                throw new UnknownHostException(host);
            }
            return answer;
        };
        http = new OutboundHttp(new OutboundTargets(List.of("127.0.0.1/32"), resolver), vertx, 2,
                Duration.ofSeconds(2));
        answer("slow.receiver.example", "127.0.0.1");
        answer("fast.receiver.example", "127.0.0.1");
    }

    @AfterEach
    void stop() {
        server.stop(0);
        vertx.close();
    }

    /** Headers at once, then one byte every 100 ms for a minute: never a complete answer in time. */
    private void trickle(HttpExchange exchange) throws IOException {
        trickling.incrementAndGet();
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            for (int i = 0; i < 600; i++) {
                body.write('x');
                body.flush();
                Thread.sleep(100);
            }
        } catch (IOException | InterruptedException e) {
            // the client hung up: what a deadline does
        } finally {
            trickling.decrementAndGet();
        }
    }

    private void answerAtOnce(HttpExchange exchange) throws IOException {
        hostHeaders.add(exchange.getRequestHeaders().getFirst("Host"));
        byte[] body = "ok".getBytes();
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Test
    void aTricklingReceiverHoldsOnlyItsOwnSlotsAndOnlyUntilTheDeadline() throws Exception {
        post("fast.receiver.example", "/fast").get(20, TimeUnit.SECONDS); // the client's first connection warms up
        CompletableFuture<OutboundResponse> first = post("slow.receiver.example", "/slow");
        CompletableFuture<OutboundResponse> second = post("slow.receiver.example", "/slow");
        OutboundException busy = failure(post("slow.receiver.example", "/slow"));
        assertEquals(OutboundException.Kind.BUSY, busy.kind(), "a third request to the same host waits its turn");

        OutboundResponse fast = post("fast.receiver.example", "/fast").get(20, TimeUnit.SECONDS);
        assertEquals(200, fast.status());
        assertEquals("ok", new String(fast.body()));
        assertFalse(first.isDone() || second.isDone(), "the slow receiver is still trickling meanwhile");

        assertEquals(OutboundException.Kind.DEADLINE, failure(first).kind());
        assertEquals(OutboundException.Kind.DEADLINE, failure(second).kind());
        assertTrue(failure(second).getMessage().startsWith("No complete answer within 3 s"));

        // the slots are free again once the deadline has ended the exchanges
        OutboundException again = failure(post("slow.receiver.example", "/slow"));
        assertEquals(OutboundException.Kind.DEADLINE, again.kind());
    }

    @Test
    void theConnectionGoesToTheCheckedAddressWithTheNameAsHost() throws Exception {
        int port = server.getAddress().getPort();
        assertEquals(200, post("fast.receiver.example", "/fast").get(20, TimeUnit.SECONDS).status());
        assertEquals(List.of("fast.receiver.example:" + port), hostHeaders);
    }

    @Test
    void aNameThatNowResolvesInwardIsRefusedAndNothingIsSent() throws Exception {
        OutboundTargets strict = new OutboundTargets(List.of(), host -> dns.get(host));
        OutboundHttp guarded = new OutboundHttp(strict, vertx, 2, Duration.ofSeconds(2));
        answer("flip.receiver.example", "93.184.215.14", "127.0.0.1");
        OutboundException refused = failure(guarded.send(request(strict.parse(
                "http://flip.receiver.example:" + server.getAddress().getPort() + "/fast", true), GENEROUS)));
        assertEquals(OutboundException.Kind.REFUSED, refused.kind());
        assertTrue(refused.getMessage().contains("flip.receiver.example resolves to 127.0.0.1"), refused.getMessage());
        assertTrue(hostHeaders.isEmpty(), "nothing reached the receiver");
    }

    @Test
    void anAnswerLargerThanTheLimitIsCutOff() {
        OutboundTarget target = http.checked("http://fast.receiver.example:" + server.getAddress().getPort()
                + "/fast", true);
        OutboundException tooLarge = failure(http.send(new OutboundRequest("GET", target, Map.of(), null, GENEROUS,
                1)));
        assertEquals(OutboundException.Kind.TOO_LARGE, tooLarge.kind());
    }

    private CompletableFuture<OutboundResponse> post(String host, String path) {
        return http.send(request(http.checked("http://" + host + ":" + server.getAddress().getPort() + path, true),
                path.equals("/slow") ? DEADLINE : GENEROUS));
    }

    private static OutboundRequest request(OutboundTarget target, Duration deadline) {
        return new OutboundRequest("POST", target, Map.of("Content-Type", "application/json"), "{}".getBytes(),
                deadline, 1024);
    }

    private static OutboundException failure(CompletableFuture<OutboundResponse> exchange) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> exchange.get(30, TimeUnit.SECONDS));
        return (OutboundException) failed.getCause();
    }

    private void answer(String name, String... addresses) {
        dns.put(name, java.util.Arrays.stream(addresses).map(address -> {
            try {
                return InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(e);
            }
        }).toList());
    }
}
