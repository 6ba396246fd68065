package io.homeshield.household;

import java.util.Objects;
import java.util.UUID;

/** The household a request is scoped to; every subscriber-facing query takes one. */
public record HouseholdId(UUID value) {

    public HouseholdId {
        Objects.requireNonNull(value, "household id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
