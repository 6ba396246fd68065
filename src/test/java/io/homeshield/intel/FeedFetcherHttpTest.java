package io.homeshield.intel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.homeshield.infra.outbound.OutboundHttp;
import io.homeshield.infra.outbound.OutboundTargets;
import io.homeshield.infra.outbound.SystemHostResolver;
import io.homeshield.net.DomainName;
import io.vertx.core.Vertx;

/** A feed served over HTTP by a real server on the loopback interface. */
class FeedFetcherHttpTest {

    private static final String LAST_MODIFIED = "Fri, 24 Oct 2025 10:00:00 GMT";

    private HttpServer server;
    private volatile String body = "0.0.0.0 c2.http-feed.example\n";
    private volatile String etag = "\"v1\"";
    private volatile int failWith;
    private final List<String> conditionalHeaders = new CopyOnWriteArrayList<>();
    private final SteppingClock clock = new SteppingClock(Feeds.NOW);
    private final ThreatIntel intel = new ThreatIntel();
    private final Vertx vertx = Vertx.vertx();
    /** The test server listens on the loopback interface, which the provider permits here as its own. */
    private final OutboundHttp http = new OutboundHttp(new OutboundTargets(List.of("127.0.0.1/32"),
            new SystemHostResolver()), vertx, 2, Duration.ofSeconds(2));

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/feeds/hosts.txt", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        vertx.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        conditionalHeaders.add(ifNoneMatch + " | " + exchange.getRequestHeaders().getFirst("If-Modified-Since"));
        if (failWith != 0) {
            exchange.sendResponseHeaders(failWith, -1);
        } else if (etag.equals(ifNoneMatch)) {
            exchange.sendResponseHeaders(304, -1);
        } else {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", etag);
            exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private FeedCatalog catalog() {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/feeds/hosts.txt";
        FeedDefinition feed = new FeedDefinition("remote", "Remote feed", FeedFormat.HOSTS, url, Duration.ofHours(1),
                true, null, null);
        return new FeedCatalog(List.of(feed), new FeedFetcher(http, Duration.ofSeconds(5), 1 << 20, true), 0.05, clock,
                intel::install);
    }

    @Test
    void anUnchangedFeedIsAskedForConditionallyAndAnsweredNotModified() {
        FeedCatalog catalog = catalog();
        catalog.refreshDue(true);
        assertTrue(intel.match(DomainName.of("c2.http-feed.example")).isPresent());

        FeedStatus unchanged = catalog.refresh("remote").orElseThrow();
        assertEquals(1, unchanged.current().number());
        assertNull(unchanged.lastError());
        assertEquals(List.of("null | null", "\"v1\" | " + LAST_MODIFIED), conditionalHeaders);

        body = "0.0.0.0 c2.http-feed-v2.example\n";
        etag = "\"v2\"";
        FeedStatus changed = catalog.refresh("remote").orElseThrow();
        assertEquals(2, changed.current().number());
        assertTrue(intel.match(DomainName.of("c2.http-feed-v2.example")).isPresent());
    }

    @Test
    void aServerErrorKeepsThePreviousVersion() {
        FeedCatalog catalog = catalog();
        catalog.refreshDue(true);
        failWith = 503;
        FeedStatus status = catalog.refresh("remote").orElseThrow();
        assertEquals("The download could not be read: the server answered HTTP 503 (version 1 stays in force).",
                status.lastError());
        assertTrue(intel.match(DomainName.of("c2.http-feed.example")).isPresent());
    }

    @Test
    void aFeedLargerThanTheLimitIsNotRead() {
        body = "0.0.0.0 big.example\n".repeat(100_000);
        FeedCatalog catalog = catalog();
        catalog.refreshDue(true);
        FeedStatus status = catalog.statuses().get(0);
        assertNull(status.current());
        assertEquals("The download could not be read: the feed is larger than the limit of 1048576 bytes"
                + " (no version is in force yet).", status.lastError());
    }

    @Test
    void localFeedsLoadAtStartAndRemoteOnesOnTheSchedule() {
        FeedCatalog catalog = catalog();
        catalog.refreshDue(false);
        assertTrue(conditionalHeaders.isEmpty());
        catalog.refreshDue(true);
        assertEquals(1, conditionalHeaders.size());
    }
}
