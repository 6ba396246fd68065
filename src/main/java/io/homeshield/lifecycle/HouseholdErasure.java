package io.homeshield.lifecycle;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A household's erasure: pending during its grace period, then withdrawing from the routers, then erased. */
@Entity
@Table(name = "household_erasure")
public class HouseholdErasure extends HouseholdRequest {

    public enum State {
        /** Within the grace period: the owner or the provider may still cancel it. */
        PENDING,
        /** Quarantines and blocklists are being taken off the household's routers. */
        WITHDRAWING,
        /** Every personal record is gone; only the pseudonym remains. */
        ERASED
    }

    @Id
    public UUID id;

    /** Null once erased. */
    @Column(name = "household_id")
    public UUID householdId;

    /** The pseudonym the household's audit entries carry once erased. */
    @Column(nullable = false)
    public UUID pseudonym;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public State state;

    @Column(name = "withdrawing_since")
    public Instant withdrawingSince;

    @Column(name = "erased_at")
    public Instant erasedAt;

    static Optional<HouseholdErasure> of(UUID household) {
        return find("householdId", household).firstResultOptional();
    }
}
