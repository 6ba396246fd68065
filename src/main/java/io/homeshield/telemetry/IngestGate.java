package io.homeshield.telemetry;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;

/**
 * Bounds how many batches are processed at once. When the pipeline is full a router is told to
 * retry later (503 with Retry-After) instead of its batch queuing without limit or being dropped.
 */
@ApplicationScoped
class IngestGate {

    private final Semaphore permits;
    private final TelemetryConfig config;

    IngestGate(TelemetryConfig config) {
        this.config = config;
        this.permits = new Semaphore(config.maxConcurrentBatches(), true);
    }

    /** Takes a place in the pipeline, waiting briefly, or refuses with 503 and Retry-After. */
    Permit enter() {
        try {
            if (permits.tryAcquire(config.admissionWait().toMillis(), TimeUnit.MILLISECONDS)) {
                return permits::release;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw full();
    }

    /**
     * Refuses at once, before the body is read, when every place is taken and as many batches again
     * already wait for one: reading and checking a batch that will only be refused after its wait
     * costs more than the router's resend.
     */
    void refuseIfCrowded() {
        if (permits.availablePermits() == 0 && permits.getQueueLength() >= config.maxConcurrentBatches()) {
            throw full();
        }
    }

    private ProblemException full() {
        return new ProblemException(ProblemType.UNAVAILABLE,
                "The ingest pipeline is full; the batch was not accepted. Send it again after the Retry-After delay.")
                .withHeader("Retry-After", String.valueOf(config.retryAfter().toSeconds()));
    }

    interface Permit extends AutoCloseable {
        @Override
        void close();
    }
}
