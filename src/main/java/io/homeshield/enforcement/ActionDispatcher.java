package io.homeshield.enforcement;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Carries outbox actions to routers: claims due actions, calls the router's adapter outside any
 * transaction, reads the router back, and records applied, verified, a retry with backoff, or
 * failed with the reason.
 */
@ApplicationScoped
class ActionDispatcher {

    private final ActionLedger ledger;
    private final RouterControls adapters;

    ActionDispatcher(ActionLedger ledger, RouterControls adapters) {
        this.ledger = ledger;
        this.adapters = adapters;
    }

    @Scheduled(every = "${homeshield.enforcement.dispatch-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        for (DispatchJob job : ledger.claimDue()) {
            run(job);
        }
    }

    void run(DispatchJob job) {
        RouterControl adapter = adapters.forChannel(job.router().channel()).orElse(null);
        if (adapter == null) {
            ledger.failedAttempt(job, "HomeShield cannot manage routers over " + job.router().channel()
                    + " yet; the provider's support can act on the router directly.", false);
            return;
        }
        try {
            if (!job.verifyOnly() && !apply(adapter, job)) {
                return;
            }
            verify(adapter, job);
        } catch (RuntimeException e) {
            Log.errorf(e, "Action %s on router %s failed unexpectedly", job.actionId(), job.router().id());
            ledger.failedAttempt(job, "Unexpected error while contacting the router.", true);
        }
    }

    /** Sends the change; returns whether the router took it. */
    private boolean apply(RouterControl adapter, DispatchJob job) {
        try {
            if (job.kind() == ActionKind.QUARANTINE) {
                adapter.quarantine(job.router(), job.device(), job.level());
            } else {
                adapter.release(job.router(), job.device());
            }
        } catch (RouterControlException e) {
            Log.infof("Action %s on router %s: %s", job.actionId(), job.router().id(), e.getMessage());
            ledger.failedAttempt(job, e.getMessage(), e.retryable());
            return false;
        }
        ledger.applied(job);
        return true;
    }

    /** Reads the router back to confirm the change. */
    private void verify(RouterControl adapter, DispatchJob job) {
        boolean wanted = job.kind() == ActionKind.QUARANTINE;
        try {
            if (adapter.isQuarantined(job.router(), job.device()) == wanted) {
                ledger.verified(job);
            } else {
                ledger.appliedNotConfirmed(job, wanted ? "the router does not list the device as blocked yet"
                        : "the router still lists the device as blocked");
            }
        } catch (RouterControlException e) {
            ledger.appliedNotConfirmed(job, "reading the router back failed: " + e.getMessage());
        }
    }
}
