package io.homeshield.admin;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.homeshield.household.HouseholdId;
import io.homeshield.lifecycle.HouseholdErasure;
import io.homeshield.lifecycle.HouseholdErasures;

/** A household's pending erasure, for the staff console's household page. */
@ApplicationScoped
@Named("staffErasures")
public class StaffErasures {

    private final HouseholdErasures erasures;

    StaffErasures(HouseholdErasures erasures) {
        this.erasures = erasures;
    }

    /** The household's erasure that is not complete yet, or null. */
    public HouseholdErasure of(UUID household) {
        return erasures.of(new HouseholdId(household)).orElse(null);
    }
}
