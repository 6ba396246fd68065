package io.homeshield.enforcement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.infra.OncePerCluster;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps routers in line with the desired state: reads each quarantined device, and the parameters
 * HomeShield keeps on each router (revert rules, remediation), back from the router and, where the
 * router no longer holds them (restarted, factory-reset, changed by hand), requests them again.
 * Router calls happen between two short transactions, never inside one.
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

    /**
     * Checks every settled quarantine and every router's desired parameters; returns how many
     * instructions it requested again (a quarantine each, the lost parameters of a router each).
     */
    public int reconcileNow() {
        return reconcileQuarantines() + reconcileParameters();
    }

    private int reconcileQuarantines() {
        List<ReconcileLedger.Expected> drifted = new ArrayList<>();
        for (ReconcileLedger.Expected expected : ledger.settledQuarantines()) {
            if (!blocks(expected)) {
                drifted.add(expected);
            }
        }
        return drifted.isEmpty() ? 0 : ledger.requestAgain(drifted);
    }

    private int reconcileParameters() {
        List<ReconcileLedger.WantedParameters> drifted = new ArrayList<>();
        for (ReconcileLedger.WantedParameters wanted : ledger.settledParameters()) {
            Map<String, String> lost = lost(wanted);
            if (!lost.isEmpty()) {
                drifted.add(new ReconcileLedger.WantedParameters(wanted.householdId(), wanted.router(), lost));
            }
        }
        return drifted.isEmpty() ? 0 : ledger.requestParametersAgain(drifted);
    }

    /** The wanted values the router holds no more; a router that cannot be read is left for the next round. */
    private Map<String, String> lost(ReconcileLedger.WantedParameters wanted) {
        try {
            Map<String, String> held = adapters.capability(wanted.router(), RouterParameters.class)
                    .parameters(wanted.router(), wanted.values().keySet());
            Map<String, String> lost = new LinkedHashMap<>();
            wanted.values().forEach((path, value) -> {
                if (!value.equals(held.get(path))) {
                    lost.put(path, value);
                }
            });
            return lost;
        } catch (RouterControlException e) {
            Log.debugf("Router %s settings not checked: %s", wanted.router().id(), e.getMessage());
            return Map.of();
        }
    }

    /** Whether the router still blocks the device; a router that cannot be read is left for the next round. */
    private boolean blocks(ReconcileLedger.Expected expected) {
        try {
            return adapters.capability(expected.router(), Quarantining.class)
                    .isQuarantined(expected.router(), expected.device());
        } catch (RouterControlException e) {
            Log.debugf("Router %s not checked: %s", expected.router().id(), e.getMessage());
            return true;
        }
    }

}
