package io.homeshield.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import io.homeshield.alert.Alert;
import io.homeshield.alert.AlertRaiser;
import io.homeshield.alert.Finding;
import io.homeshield.wire.ConfigEvent;

/**
 * Runs the router detectors on setting changes that reach HomeShield outside telemetry batches
 * (a USP agent's ValueChange notification) and raises what they find, in the caller's transaction.
 */
@ApplicationScoped
public class RouterSettingChecks {

    private final List<RouterDetector> detectors;
    private final AlertRaiser alerts;

    RouterSettingChecks(Instance<RouterDetector> detectors, AlertRaiser alerts) {
        this.detectors = detectors.stream().toList();
        this.alerts = alerts;
    }

    /** @return the alerts opened (new or reopened) */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Alert> changed(UUID routerId, ConfigEvent change, Instant at) {
        List<Finding> findings = new ArrayList<>();
        for (RouterDetector detector : detectors) {
            detector.inspect(routerId, List.of(change), at, findings::add);
        }
        return alerts.raise(routerId, Map.of(), findings);
    }
}
