package io.homeshield.enforcement;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.household.HouseholdId;

/** Reads enforcement actions, always within one household. */
@ApplicationScoped
public class ActionQueries {

    public Optional<EnforcementAction> find(HouseholdId household, UUID actionId) {
        return EnforcementAction.find("id = ?1 and householdId = ?2", actionId, household.value()).firstResultOptional();
    }

    public List<EnforcementAction> forDevice(HouseholdId household, UUID deviceId, int limit) {
        return EnforcementAction.find("householdId = ?1 and deviceId = ?2 order by requestedAt desc",
                household.value(), deviceId).page(0, limit).list();
    }

    public List<EnforcementAction> recent(HouseholdId household, int limit) {
        return EnforcementAction.find("householdId = ?1 order by requestedAt desc", household.value())
                .page(0, limit).list();
    }
}
