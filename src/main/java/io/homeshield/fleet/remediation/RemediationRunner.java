package io.homeshield.fleet.remediation;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/** Advances every running job on each instance's timer; the job row's lock keeps instances from colliding. */
@ApplicationScoped
class RemediationRunner {

    private final RemediationSteps steps;

    RemediationRunner(RemediationSteps steps) {
        this.steps = steps;
    }

    @Scheduled(every = "${homeshield.fleet.remediation.tick-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        for (UUID job : steps.running()) {
            try {
                steps.advance(job);
            } catch (RuntimeException e) {
                Log.errorf(e, "Remediation job %s could not advance; trying again at the next tick", job);
            }
        }
    }
}
