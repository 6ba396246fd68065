package io.homeshield.fleet.baseline;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.enforcement.EnforcementAction;
import io.homeshield.enforcement.RouterCommands;
import io.homeshield.fleet.ConfigChange;
import io.homeshield.fleet.ConfigChanged;
import io.homeshield.inventory.Router;
import io.quarkus.logging.Log;

/**
 * "If this parameter deviates from the baseline, put it back": for each recorded change that breaks
 * its router's baseline, an enforced rule sets the baseline value through the router's desired state
 * (outbox, in the recording transaction) and writes an entry in the household's activity log; a
 * dry-run rule only records what it would have done.
 */
@ApplicationScoped
public class RevertRules {

    /** How the household's activity log names who acted: an automatic rule. */
    public static final String ACTOR = "baseline-revert";
    public static final String ACTOR_ROLE = "rule";

    private final BaselineService baselines;
    private final RouterCommands commands;
    private final AuditLog audit;
    private final Clock clock;

    RevertRules(BaselineService baselines, RouterCommands commands, AuditLog audit, Clock clock) {
        this.baselines = baselines;
        this.commands = commands;
        this.audit = audit;
        this.clock = clock;
    }

    void onChanges(@Observes ConfigChanged changed) {
        Map<String, Optional<Baseline>> byModel = new HashMap<>();
        for (ConfigChange change : changed.changes()) {
            Router router = Router.findById(change.routerId);
            if (router == null) {
                continue;
            }
            Optional<Baseline> baseline = byModel.computeIfAbsent(router.model + "\u0000" + router.firmware,
                    k -> baselines.forRouter(router.model, router.firmware));
            baseline.flatMap(b -> b.parameters().stream().filter(p -> p.revertMode != RevertMode.OFF)
                    .filter(p -> p.covers(change.path)).findFirst())
                    .filter(p -> p.deviates(change.newValue, change.source))
                    .ifPresent(p -> revert(p, router, change));
        }
    }

    private void revert(BaselineParameter rule, Router router, ConfigChange change) {
        Instant now = clock.instant();
        RevertRecord record = new RevertRecord();
        record.id = UUID.randomUUID();
        record.parameterId = rule.id;
        record.routerId = router.id;
        record.householdId = router.householdId;
        record.path = change.path;
        record.foundValue = change.newValue;
        record.wantedValue = rule.revertValue();
        record.dryRun = rule.revertMode == RevertMode.DRY_RUN;
        record.createdAt = now;
        if (!record.dryRun) {
            EnforcementAction action = commands.setParameters(router.id, Map.of(change.path, rule.revertValue()),
                    ACTOR);
            record.actionId = action.id;
            audit.append(new AuditRecord(ACTOR, ACTOR_ROLE, router.householdId, "router.settings-revert",
                    ParameterNames.of(change.path) + ": " + change.newValue + " → " + rule.revertValue(),
                    "Your provider's settings for this router expect " + rule.revertValue()
                            + "; the change was put back.",
                    "requested"));
            Log.infof("Router %s: %s was %s, put back to %s", router.id, change.path, change.newValue,
                    rule.revertValue());
        }
        record.persist();
    }
}
