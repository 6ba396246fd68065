package io.homeshield.admin;

import java.util.UUID;

/** A household found by a staff search, and what matched. */
public record HouseholdHit(UUID id, String accountNumber, String displayName, String matchedBy) {
}
