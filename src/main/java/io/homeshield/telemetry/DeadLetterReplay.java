package io.homeshield.telemetry;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.audit.Actor;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;

/**
 * An analyst applies a dead letter again through the pipeline's checks and processing, once its
 * cause is fixed; a batch that fails today's checks is not applied. The attempt and its outcome
 * are recorded on the letter and in the audit log with the analyst's reason; a batch the router
 * meanwhile resent is found applied and not applied twice.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private final DeadLetters letters;
    private final TelemetryPipeline pipeline;

    DeadLetterReplay(DeadLetters letters, TelemetryPipeline pipeline) {
        this.letters = letters;
        this.pipeline = pipeline;
    }

    /** Applies the letter's batch; returns what happened, in words for the analyst. */
    public String replay(UUID id, Actor actor, String reason) {
        TelemetryDeadLetter letter = letters.find(id).orElseThrow(() -> ProblemException.notFound("Dead letter"));
        if (letter.replayed()) {
            throw new ProblemException(ProblemType.CONFLICT, "This dead letter was already applied.");
        }
        boolean applied;
        String outcome;
        try {
            BatchOutcome result = pipeline.replay(letter.routerId, letters.batchOf(letter));
            applied = true;
            outcome = result.isDuplicate() ? "applied before: the router's batch " + letter.sequence + " is stored"
                    : "applied: " + result.events() + " events, " + result.alertsOpened() + " alerts opened";
        } catch (ProblemException e) {
            applied = false;
            outcome = "refused: " + e.problem().detail();
        } catch (RuntimeException e) {
            applied = false;
            outcome = "failed again: " + DeadLetters.reasonOf(e);
        }
        letters.recordReplay(id, actor, reason, applied, outcome);
        return outcome;
    }
}
