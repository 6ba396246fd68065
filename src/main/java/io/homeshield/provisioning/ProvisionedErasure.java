package io.homeshield.provisioning;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.lifecycle.HouseholdErasure;

/** A household's requested erasure, as the provider's systems see it. */
@Schema(name = "ProvisionedErasure")
public record ProvisionedErasure(UUID householdId,
        @Schema(description = "PENDING within the grace period (cancellable), WITHDRAWING while HomeShield's"
                + " quarantines and blocklists are taken off the routers") String state,
        Instant requestedAt, @Schema(description = "When the grace period ends") Instant dueAt) {

    static ProvisionedErasure of(HouseholdErasure e) {
        return new ProvisionedErasure(e.householdId, e.state.name(), e.requestedAt, e.dueAt);
    }
}
