package io.homeshield.portal;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.homeshield.household.HouseholdMember;

/** Keeps each member's time zone, so every page shows their times in it. */
@ApplicationScoped
class MemberTimeZones {

    @Transactional
    void remember(UUID memberId, String zone) {
        HouseholdMember member = HouseholdMember.findById(memberId);
        if (member != null && !zone.equals(member.timeZone)) {
            member.timeZone = zone;
        }
    }
}
