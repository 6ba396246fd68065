package io.homeshield.telemetry;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import io.homeshield.alert.EvidenceSource;
import io.homeshield.infra.problem.Problem;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;
import io.homeshield.telemetry.wire.TelemetryBatch;

/**
 * The one way into processing for every ingest path (HTTP, MQTT, flow export): validates a batch
 * from an authenticated router, waits for a place in the pipeline and applies it. Refusals are
 * exceptions carrying a problem; a full pipeline is a 503 problem the sender must retry. A checked
 * batch is applied here, or published to the telemetry stream when Kafka is on (a {@link BatchHandOff}).
 */
@ApplicationScoped
public class TelemetryPipeline {

    private final IngestGate gate;
    private final BatchProcessor processor;
    private final BatchHandOff handOff;
    private final IngestMetrics metrics;
    private final TelemetryConfig config;
    private final Validator validator;

    TelemetryPipeline(IngestGate gate, BatchProcessor processor, Instance<BatchHandOff> stream, IngestMetrics metrics,
            TelemetryConfig config, Validator validator) {
        this.gate = gate;
        this.processor = processor;
        this.handOff = stream.isResolvable() ? stream.get() : processor::process;
        this.metrics = metrics;
        this.config = config;
        this.validator = validator;
    }

    /** Applies the batch the router sent; a repeated sequence number is acknowledged without applying it again. */
    public BatchOutcome accept(UUID routerId, TelemetryBatch batch) {
        return accept(routerId, batch, EvidenceSource.ROUTER);
    }

    /** Applies a batch that came in on the given channel (the router's own, or its flow export). */
    public BatchOutcome accept(UUID routerId, TelemetryBatch batch, EvidenceSource source) {
        try {
            check(routerId, batch);
            BatchOutcome outcome;
            try (IngestGate.Permit permit = gate.enter()) {
                outcome = handOff.handOff(routerId, batch, source);
            }
            if (outcome.isQueued()) {
                metrics.queued();
            } else {
                count(outcome);
            }
            return outcome;
        } catch (ProblemException e) {
            metrics.rejected(e.problem().status());
            throw e;
        } catch (ConstraintViolationException e) {
            metrics.rejected(400);
            throw e;
        }
    }

    /** Applies a batch taken from the telemetry stream, checked by the replica that received it. */
    public BatchOutcome applyFromStream(UUID routerId, TelemetryBatch batch) {
        return applyFromStream(routerId, batch, EvidenceSource.ROUTER);
    }

    /** Applies a batch taken from the telemetry stream that came in on the given channel. */
    public BatchOutcome applyFromStream(UUID routerId, TelemetryBatch batch, EvidenceSource source) {
        BatchOutcome outcome = processor.process(routerId, batch, source);
        count(outcome);
        return outcome;
    }

    private void count(BatchOutcome outcome) {
        if (outcome.isDuplicate()) {
            metrics.duplicate();
        } else {
            metrics.accepted(outcome.events());
        }
    }

    /** The checks every batch passes before it may wait for the pipeline. */
    void check(UUID routerId, TelemetryBatch batch) {
        if (batch.events() != null && batch.events().size() > config.maxEventsPerBatch()) {
            String reason = "has " + batch.events().size() + " events; at most " + config.maxEventsPerBatch()
                    + " are accepted per batch";
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "events: " + reason + ". Split it.",
                    List.of(new Problem.Violation("events", reason)));
        }
        if (!PlainBatchCheck.certainlyValid(batch)) {
            Set<ConstraintViolation<TelemetryBatch>> violations = validator.validate(batch);
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
        }
        if (!routerId.equals(batch.routerId())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "routerId: this credential belongs to another router.",
                    List.of(new Problem.Violation("routerId", "this credential belongs to another router")));
        }
    }
}
