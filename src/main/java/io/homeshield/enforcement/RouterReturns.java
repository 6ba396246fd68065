package io.homeshield.enforcement;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

/**
 * A router that was out of reach is back (it sent telemetry after a silence, or its agent introduced
 * itself): its actions waiting for a retry are tried now instead of at the end of their backoff.
 */
@ApplicationScoped
public class RouterReturns {

    private final Event<ActionRequested> requested;
    private final Clock clock;

    RouterReturns(Event<ActionRequested> requested, Clock clock) {
        this.requested = requested;
        this.clock = clock;
    }

    /**
     * In the caller's transaction; the dispatcher wakes once it commits. Returns how many actions were brought forward.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int routerReturned(UUID routerId) {
        Instant now = clock.instant();
        // Only actions waiting after a failed attempt: a claimed one is DISPATCHED and belongs to its worker.
        int woken = EnforcementAction.update("nextAttemptAt = ?1 where routerId = ?2 and state = ?3 "
                + "and lastError is not null and nextAttemptAt > ?1", now, routerId, ActionState.REQUESTED);
        if (woken > 0) {
            requested.fire(new ActionRequested(routerId));
        }
        return woken;
    }
}
