package io.homeshield.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.audit.Actor;
import io.homeshield.audit.AuditLog;
import io.homeshield.audit.AuditRecord;
import io.homeshield.audit.AuditRedaction;
import io.homeshield.household.Household;
import io.homeshield.household.HouseholdId;
import io.homeshield.infra.problem.ProblemException;
import io.homeshield.infra.problem.ProblemType;

/**
 * Requests to erase a household (the provider ending the contract, or the owner asking), each with
 * a grace period during which it can be cancelled; {@link ErasureJob} carries them out when due.
 */
@ApplicationScoped
public class ErasureService {

    private final AuditLog audit;
    private final AuditRedaction redaction;
    private final ErasureConfig config;
    private final Clock clock;

    ErasureService(AuditLog audit, AuditRedaction redaction, ErasureConfig config, Clock clock) {
        this.audit = audit;
        this.redaction = redaction;
        this.config = config;
        this.clock = clock;
    }

    /** Asks for the household's erasure after the grace period; asking again changes nothing. */
    @Transactional
    public HouseholdErasure request(HouseholdId household, Actor actor, String reason) {
        if (Household.findById(household.value()) == null) {
            throw ProblemException.notFound("Household");
        }
        Optional<HouseholdErasure> earlier = HouseholdErasure.of(household.value());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        HouseholdErasure erasure = new HouseholdErasure();
        erasure.id = UUID.randomUUID();
        erasure.householdId = household.value();
        erasure.pseudonym = redaction.pseudonymOf(household.value());
        erasure.requestedBy = actor.id();
        erasure.requestedRole = actor.role();
        erasure.reason = reason;
        erasure.requestedAt = now;
        erasure.dueAt = now.plus(config.gracePeriod());
        erasure.state = HouseholdErasure.State.PENDING;
        erasure.persist();
        audit.append(new AuditRecord(actor.id(), actor.role(), household.value(), "household.erasure-requested",
                "due " + erasure.dueAt, reason, "requested"));
        return erasure;
    }

    /**
     * Cancels a pending erasure; false when none was requested.
     *
     * @throws ProblemException 409 once the grace period is over and the erasure has begun
     */
    @Transactional
    public boolean cancel(HouseholdId household, Actor actor, String reason) {
        Optional<HouseholdErasure> pending = HouseholdErasure.of(household.value());
        if (pending.isEmpty()) {
            return false;
        }
        if (pending.get().state != HouseholdErasure.State.PENDING) {
            throw new ProblemException(ProblemType.CONFLICT, "The erasure has begun and can no longer be cancelled.");
        }
        pending.get().delete();
        audit.append(new AuditRecord(actor.id(), actor.role(), household.value(), "household.erasure-cancelled", null,
                reason, "cancelled"));
        return true;
    }

    /** The household's erasure, if one was requested and it is not complete yet. */
    @Transactional
    public Optional<HouseholdErasure> of(HouseholdId household) {
        return HouseholdErasure.of(household.value());
    }
}
