package io.homeshield.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.homeshield.household.Household;
import io.homeshield.household.HouseholdKind;

/** A household with its routers, as the provider's systems see it. */
@Schema(name = "ProvisionedHousehold")
public record ProvisionedHousehold(UUID id, String accountNumber, String displayName, HouseholdKind kind,
        Instant createdAt, List<ProvisionedRouter> routers) {

    static ProvisionedHousehold of(Household h, List<ProvisionedRouter> routers) {
        return new ProvisionedHousehold(h.id, h.accountNumber, h.displayName, h.kind, h.createdAt, routers);
    }
}
