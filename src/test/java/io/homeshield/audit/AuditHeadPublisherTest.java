package io.homeshield.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The signed chain head reaches the provider's SIEM, and a slow receiver holds the publisher only so long. */
@QuarkusTest
class AuditHeadPublisherTest {

    @Inject
    AuditSealer sealer;

    @Inject
    AuditKeys keys;

    @Inject
    AuditLog log;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private HttpServer siem;
    private final BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
    private volatile long answerAfterMillis;
    private volatile boolean answered;

    @BeforeEach
    void startSiem() throws IOException {
        siem = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        siem.createContext("/audit-heads", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(answerAfterMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
            answered = true;
        });
        siem.start();
    }

    @AfterEach
    void stopSiem() {
        siem.stop(0);
    }

    @Test
    void theSignedHeadIsPostedToTheSiemAndChecksAgainstTheChain() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> log.append(new AuditRecord("head-sam", "support",
                UUID.randomUUID(), "device.quarantine", "siem", "why: siem", "requested")));
        AuditHeadPublisher publisher = publisherTo(Duration.ofSeconds(5));

        PublishedHead head = publisher.publish();

        JsonNode body = json.readTree(received.poll(5, TimeUnit.SECONDS));
        assertEquals("homeshield.audit.head", body.get("event").asText());
        assertEquals(head.line(), body.get("line").asText());
        PublishedHead posted = PublishedHead.parse(body.get("line").asText());
        assertTrue(posted.genuine(keys));
        assertEquals(head, publisher.lastPublished());
        Long sealedPosition = QuarkusTransaction.requiringNew().call(() -> AuditChainHead.<AuditChainHead>findById(
                AuditChainHead.ID).lastPosition);
        assertTrue(posted.position() <= sealedPosition && posted.position() > 0, posted.line());
    }

    @Test
    void aReceiverThatDoesNotAnswerHoldsThePublisherNoLongerThanTheDeadline() throws Exception {
        answerAfterMillis = 5_000;
        AuditHeadPublisher publisher = publisherTo(Duration.ofMillis(300));

        PublishedHead head = publisher.publish();

        // the post was given up at its deadline, not waited for; the head is published to the log all the same
        assertTrue(received.poll(5, TimeUnit.SECONDS) != null, "the receiver was reached");
        assertFalse(answered, "the publisher went on before the receiver answered");
        assertEquals(head, publisher.lastPublished());
    }

    private AuditHeadPublisher publisherTo(Duration timeout) {
        String url = "http://127.0.0.1:" + siem.getAddress().getPort() + "/audit-heads";
        return new AuditHeadPublisher(sealer, keys, new SiemConfig(url, timeout), json, clock);
    }

    /** The audit settings with the SIEM receiver of this test. */
    private record SiemConfig(String url, Duration timeout) implements AuditConfig {

        @Override
        public String keyId() {
            return "unused";
        }

        @Override
        public String key() {
            return "unused";
        }

        @Override
        public Optional<List<String>> retiredKeys() {
            return Optional.empty();
        }

        @Override
        public Duration sealInterval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public String headPublishInterval() {
            return "off";
        }

        @Override
        public Optional<String> headWebhookUrl() {
            return Optional.of(url);
        }

        @Override
        public Duration headWebhookTimeout() {
            return timeout;
        }

        @Override
        public Optional<String> publishedHead() {
            return Optional.empty();
        }
    }
}
