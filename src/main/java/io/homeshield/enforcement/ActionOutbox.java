package io.homeshield.enforcement;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * Adds actions to the outbox in the caller's transaction and tells the dispatcher, so an action is
 * usually on its way the moment the change commits rather than at the next poll.
 */
@ApplicationScoped
class ActionOutbox {

    private final Event<ActionRequested> requested;

    ActionOutbox(Event<ActionRequested> requested) {
        this.requested = requested;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    EnforcementAction add(UUID householdId, UUID routerId, UUID deviceId, String mac, ActionKind kind,
            String requestedBy, String idempotencyKey, Instant now) {
        EnforcementAction action = EnforcementAction.requestFor(householdId, routerId, deviceId, mac, kind, requestedBy,
                idempotencyKey, now);
        requested.fire(new ActionRequested(routerId));
        return action;
    }
}
