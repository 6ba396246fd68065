package io.homeshield.enforcement;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.household.HouseholdId;

/** Reads enforcement actions, always within one household. */
@ApplicationScoped
public class ActionQueries {

    public Optional<EnforcementAction> find(HouseholdId household, UUID actionId) {
        return EnforcementAction.find("id = ?1 and householdId = ?2", actionId,
                household.value()).firstResultOptional();
    }

    public List<EnforcementAction> forDevice(HouseholdId household, UUID deviceId, int limit) {
        return EnforcementAction.find("householdId = ?1 and deviceId = ?2 order by requestedAt desc",
                household.value(), deviceId).page(0, limit).list();
    }

    /** Actions of these households that moved (were requested or changed state) after {@code since}. */
    public List<EnforcementAction> changedSince(Collection<UUID> households, Instant since) {
        return EnforcementAction.list("householdId in ?1 and updatedAt > ?2", households, since);
    }

    public List<EnforcementAction> recent(HouseholdId household, int limit) {
        return EnforcementAction.find("householdId = ?1 order by requestedAt desc", household.value())
                .page(0, limit).list();
    }
}
