package io.homeshield.enforcement;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.inventory.Router;

/**
 * Router-wide commands for fleet work (settings put back to the baseline, restarts, resets,
 * firmware): the router's desired parameters change and the action goes into the outbox in the
 * caller's transaction, then the dispatcher carries it and reads it back like any other action.
 */
@ApplicationScoped
public class RouterCommands {

    private final ActionOutbox outbox;
    private final Clock clock;

    RouterCommands(ActionOutbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The router should hold these parameter values: stored as its desired state and sent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EnforcementAction setParameters(UUID routerId, Map<String, String> values, String requestedBy) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no parameter to set");
        }
        Router router = Router.findById(routerId);
        Instant now = clock.instant();
        values.forEach((path, value) -> DesiredParameter.put(routerId, path, value, requestedBy, now));
        return add(router, ActionKind.SET_PARAMETERS, ParameterValues.encode(values), requestedBy, now);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EnforcementAction reboot(UUID routerId, String requestedBy) {
        return add(Router.findById(routerId), ActionKind.REBOOT, null, requestedBy, clock.instant());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EnforcementAction factoryReset(UUID routerId, String requestedBy) {
        return add(Router.findById(routerId), ActionKind.FACTORY_RESET, null, requestedBy, clock.instant());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EnforcementAction installFirmware(UUID routerId, FirmwareImage image, String requestedBy) {
        return add(Router.findById(routerId), ActionKind.INSTALL_FIRMWARE, ParameterValues.encode(image.asValues()),
                requestedBy, clock.instant());
    }

    /** Asks the router for evidence; the dispatcher hands what it gives to the {@link EvidenceStore}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EnforcementAction collectEvidence(UUID routerId, String requestedBy) {
        return add(Router.findById(routerId), ActionKind.COLLECT_EVIDENCE, null, requestedBy, clock.instant());
    }

    /** The parameters an action sets (empty for other kinds). */
    public static Map<String, String> parametersOf(EnforcementAction action) {
        return ParameterValues.decode(action.parameters);
    }

    private EnforcementAction add(Router router, ActionKind kind, String parameters, String requestedBy, Instant now) {
        EnforcementAction action = outbox.add(router.householdId, router.id, null, null, kind, requestedBy, null, now);
        action.parameters = parameters;
        return action;
    }
}
