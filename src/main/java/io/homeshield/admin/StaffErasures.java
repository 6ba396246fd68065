package io.homeshield.admin;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.homeshield.household.HouseholdId;
import io.homeshield.lifecycle.ErasureService;
import io.homeshield.lifecycle.HouseholdErasure;

/** A household's pending erasure, for the staff console's household page. */
@ApplicationScoped
@Named("staffErasures")
public class StaffErasures {

    private final ErasureService erasures;

    StaffErasures(ErasureService erasures) {
        this.erasures = erasures;
    }

    /** The household's erasure that is not complete yet, or null. */
    public HouseholdErasure of(UUID household) {
        return erasures.of(new HouseholdId(household)).orElse(null);
    }
}
