package io.homeshield.enforcement;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.infra.OncePerCluster;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps routers in line with the desired state: reads each quarantined device back from its router
 * and, where the router no longer blocks it (restarted, factory-reset, changed by hand), requests
 * the quarantine again. Router calls happen between two short transactions, never inside one.
 */
@ApplicationScoped
public class Reconciler {

    private final ReconcileLedger ledger;
    private final RouterControls adapters;

    Reconciler(ReconcileLedger ledger, RouterControls adapters) {
        this.ledger = ledger;
        this.adapters = adapters;
    }

    @Scheduled(identity = "enforcement.reconcile", every = "${homeshield.enforcement.reconcile-interval:5m}",
            delayed = "${homeshield.enforcement.reconcile-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = OncePerCluster.class)
    void scheduled() {
        reconcileNow();
    }

    /** Checks every settled quarantine; returns how many were found missing on their router and requested again. */
    public int reconcileNow() {
        List<ReconcileLedger.Expected> drifted = new ArrayList<>();
        for (ReconcileLedger.Expected expected : ledger.settledQuarantines()) {
            RouterControl adapter = adapters.forChannel(expected.router().channel()).orElse(null);
            if (adapter != null && !blocks(adapter, expected)) {
                drifted.add(expected);
            }
        }
        return drifted.isEmpty() ? 0 : ledger.requestAgain(drifted);
    }

    private static boolean blocks(RouterControl adapter, ReconcileLedger.Expected expected) {
        try {
            return adapter.isQuarantined(expected.router(), expected.device());
        } catch (RouterControlException e) {
            Log.debugf("Router %s not checked: %s", expected.router().id(), e.getMessage());
            return true;
        }
    }

}
