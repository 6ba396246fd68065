package io.homeshield.household;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** Reads of households and their members by id, for pages that already know which one they show. */
@ApplicationScoped
public class HouseholdQueries {

    /** The household with this id, or empty. */
    public Optional<Household> household(UUID id) {
        return Household.findByIdOptional(id);
    }

    /** The household member with this id, or empty. */
    public Optional<HouseholdMember> member(UUID id) {
        return HouseholdMember.findByIdOptional(id);
    }
}
