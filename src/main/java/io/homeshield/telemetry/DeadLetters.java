package io.homeshield.telemetry;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.inventory.Router;
import io.homeshield.wire.TelemetryBatch;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * Where batches go that could not be applied after their retries: stored whole with the reason, in
 * a transaction of their own, so the router's later batches go on and nothing it sent is lost.
 */
@ApplicationScoped
public class DeadLetters {

    static final int MAX_REASON = 2000;

    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;

    DeadLetters(ObjectMapper json, AuditLog audit, Clock clock) {
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    TelemetryDeadLetter store(UUID routerId, TelemetryBatch batch, String reason, int attempts) {
        TelemetryDeadLetter letter = new TelemetryDeadLetter();
        letter.id = UUID.randomUUID();
        letter.routerId = routerId;
        Router router = Router.findById(routerId);
        letter.householdId = router == null ? null : router.householdId;
        letter.sequence = batch.sequence() == null ? -1 : batch.sequence();
        letter.eventCount = batch.events() == null ? 0 : batch.events().size();
        letter.receivedAt = clock.instant();
        letter.attempts = attempts;
        letter.reason = shorten(reason, MAX_REASON);
        try {
            letter.batch = json.writeValueAsString(batch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validated batch is always writable as JSON", e);
        }
        letter.persist();
        return letter;
    }

    /** The newest dead letters first, optionally of one router only. */
    @Transactional
    public List<TelemetryDeadLetter> recent(UUID routerId, int limit) {
        Sort newestFirst = Sort.descending("receivedAt");
        return (routerId == null ? TelemetryDeadLetter.<TelemetryDeadLetter>findAll(newestFirst)
                : TelemetryDeadLetter.<TelemetryDeadLetter>find("routerId", newestFirst, routerId))
                .page(Page.ofSize(limit)).list();
    }

    @Transactional
    public Optional<TelemetryDeadLetter> find(UUID id) {
        return TelemetryDeadLetter.findByIdOptional(id);
    }

    @Transactional
    public long count() {
        return TelemetryDeadLetter.count();
    }

    TelemetryBatch batchOf(TelemetryDeadLetter letter) {
        try {
            return json.readValue(letter.batch, TelemetryBatch.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter " + letter.id + " does not hold a batch", e);
        }
    }

    /** Notes a replay on the letter and in the audit log, whatever its outcome. */
    @Transactional
    void recordReplay(UUID id, Actor actor, String reason, boolean applied, String outcome) {
        TelemetryDeadLetter letter = TelemetryDeadLetter.findById(id);
        letter.replayedAt = clock.instant();
        letter.replayedBy = actor.id();
        letter.replayReason = reason;
        letter.replayOutcome = shorten(outcome, MAX_REASON);
        audit.append(new AuditRecord(actor.id(), actor.role(), letter.householdId, "telemetry.dead-letter.replay",
                "router " + letter.routerId + " batch " + letter.sequence, reason, applied ? "done" : "failed"));
    }

    /** What went wrong, in the words of the innermost cause (a database's own message, say). */
    static String reasonOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message.strip();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
