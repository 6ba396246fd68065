package io.homeshield.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.infra.OncePerCluster;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Publishes the chain head where the database cannot rewrite it: a signed line in the log (which
 * log shipping carries off the machine) and, where configured, a post to the provider's SIEM. A
 * later check against the last published head finds a chain rewritten or cut short up to there,
 * even by someone who rewrote the database's own chain head consistently.
 */
@ApplicationScoped
public class AuditHeadPublisher {

    private final AuditSealer sealer;
    private final AuditKeys keys;
    private final AuditConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http;
    private volatile PublishedHead lastPublished;

    AuditHeadPublisher(AuditSealer sealer, AuditKeys keys, AuditConfig config, ObjectMapper json, Clock clock) {
        this.sealer = sealer;
        this.keys = keys;
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.headWebhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(identity = "audit.head-publish", every = "${homeshield.audit.head-publish-interval:5m}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = OncePerCluster.class)
    void publishRegularly() {
        publish();
    }

    /** Seals what has committed, then signs and publishes the head; returns what was published. */
    public PublishedHead publish() {
        sealer.seal();
        PublishedHead head = currentHead();
        Log.infof("%s", head.line());
        lastPublished = head;
        config.headWebhookUrl().ifPresent(url -> post(url, head));
        return head;
    }

    /** The head this replica published last, or null. */
    public PublishedHead lastPublished() {
        return lastPublished;
    }

    @Transactional
    PublishedHead currentHead() {
        AuditChainHead head = AuditChainHead.findById(AuditChainHead.ID);
        Long legacy = AuditEntry.getEntityManager().createQuery(
                "select max(e.chainPosition) from AuditEntry e where e.keyId is null and e.chainPosition is not null",
                Long.class).getSingleResult();
        return PublishedHead.signed(head.lastPosition, head.lastHash, legacy == null ? 0 : legacy,
                clock.instant(), keys);
    }

    private void post(String url, PublishedHead head) {
        try {
            String body = json.writeValueAsString(new HeadMessage("homeshield.audit.head", head.position(), head.hash(),
                    head.legacyUntil(), head.at().toString(), head.keyId(), head.signature(), head.line()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(config.headWebhookTimeout())
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            // the deadline covers the whole exchange, reading the answer included
            CompletableFuture<HttpResponse<Void>> sent = http.sendAsync(request,
                    HttpResponse.BodyHandlers.discarding());
            HttpResponse<Void> response;
            try {
                response = sent.get(config.headWebhookTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                sent.cancel(true);
            }
            if (response.statusCode() / 100 != 2) {
                Log.warnf("Audit head not taken by the SIEM webhook: HTTP %d", response.statusCode());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | JsonProcessingException | IllegalArgumentException e) {
            Log.warnf("Audit head not posted to the SIEM webhook: %s", e.toString());
        }
    }

    /** What the SIEM receives. */
    record HeadMessage(String event, long position, String hash, long legacyUntil, String at, String keyId,
            String signature, String line) {
    }
}
